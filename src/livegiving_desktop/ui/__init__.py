"""The Qt user interface. Every rule of the product lives in core/ and services/."""

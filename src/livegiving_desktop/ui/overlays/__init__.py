"""The live view's Overlays panel (OBS browser sources): styling with a live preview, the
connected overlays, the alert controls."""

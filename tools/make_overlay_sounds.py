"""Write the alert sounds of the OBS overlays (resources/overlays/assets/sounds/*.wav).

Made here from sine tones (no recording, no licence to track): short, 22.05 kHz mono 16-bit.
Run once when a sound changes: `python tools/make_overlay_sounds.py`.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
OUT = Path(__file__).resolve().parents[1] / "resources" / "overlays" / "assets" / "sounds"

# Each sound: notes (frequency in Hz, start s, length s), with a soft attack and a decay.
SOUNDS: dict[str, list[tuple[float, float, float]]] = {
    "chime": [(880.0, 0.0, 0.45), (1318.5, 0.12, 0.55)],
    "bell": [(659.3, 0.0, 0.9), (987.8, 0.0, 0.9), (1318.5, 0.18, 0.8)],
    "fanfare": [(523.3, 0.0, 0.18), (659.3, 0.16, 0.18), (784.0, 0.32, 0.18), (1046.5, 0.48, 0.7)],
}


def render(notes: list[tuple[float, float, float]]) -> bytes:
    length = max(start + duration for _, start, duration in notes) + 0.05
    samples = [0.0] * int(length * RATE)
    for freq, start, duration in notes:
        first = int(start * RATE)
        for i in range(int(duration * RATE)):
            t = i / RATE
            envelope = min(1.0, t / 0.01) * math.exp(-4.0 * t / duration)
            tone = math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)
            samples[first + i] += 0.3 * envelope * tone
    peak = max((abs(s) for s in samples), default=0.0) or 1e-9
    scale = 0.8 * 32767 / peak
    return b"".join(struct.pack("<h", int(s * scale)) for s in samples)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, notes in SOUNDS.items():
        with wave.open(str(OUT / f"{name}.wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(render(notes))
        print(f"wrote {name}.wav")


if __name__ == "__main__":
    main()

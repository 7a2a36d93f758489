#!/usr/bin/env python3
"""Draws オン資ナビ's icon (a teal tile with a card and a check mark) into icons/.

Run once by a developer when the icon changes (needs Pillow and fonts-ipaexfont); the results are
committed, so neither the build nor CI runs this.
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "icons"
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"


def draw(size: int) -> Image.Image:
    scale = 4
    s = size * scale
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([0, 0, s - 1, s - 1], radius=s * 0.2, fill=(0, 105, 110, 255))
    # the card
    cx0, cy0, cx1, cy1 = s * 0.14, s * 0.26, s * 0.86, s * 0.74
    d.rounded_rectangle([cx0, cy0, cx1, cy1], radius=s * 0.06, fill=(255, 255, 255, 255))
    d.rounded_rectangle([cx0 + s * 0.06, cy0 + s * 0.1, cx0 + s * 0.24, cy0 + s * 0.24],
                        radius=s * 0.02, fill=(230, 180, 40, 255))
    font = ImageFont.truetype(FONT, int(s * 0.3))
    d.text((s * 0.64, s * 0.5), "資", font=font, fill=(0, 105, 110, 255), anchor="mm")
    # the check mark
    w = int(s * 0.07)
    d.line([(s * 0.52, s * 0.78), (s * 0.64, s * 0.9), (s * 0.9, s * 0.62)], fill=(240, 90, 40, 255), width=w,
           joint="curve")
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
        draw(size).save(OUT / name)
    big = draw(256)
    big.save(OUT / "icon.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])


if __name__ == "__main__":
    main()

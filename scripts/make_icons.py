"""Draw the two addons' app icons (run once; the PNGs are committed)."""

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent


def draw(path, background, bars):
    size = 256
    image = Image.new("RGBA", (size, size), background)
    pen = ImageDraw.Draw(image)
    # A mall front: a roof line and a row of shop doors of different heights.
    pen.polygon([(28, 96), (128, 36), (228, 96)], fill="white")
    for index, height in enumerate(bars):
        left = 44 + index * 44
        pen.rectangle([left, 220 - height, left + 30, 220], fill="white")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)


draw(ROOT / "leasing_office/static/description/icon.png", "#875a7b", [90, 110, 90, 110])
draw(ROOT / "leasing_office_reports/static/description/icon.png", "#017e84", [40, 80, 110, 70])

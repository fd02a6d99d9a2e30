"""Invented articles in the thaigov.go.th file format, for tests that need the real build to
succeed (or to fail in a chosen way) whatever the five corpus articles currently yield.

They name only lexicon entities (the ministry, a country, a city, ASEAN) and state no post or
meeting, so each builds to a small, valid graph.
"""

from __future__ import annotations

from pathlib import Path

COUNTRIES = ("สิงคโปร์", "กัมพูชา", "มาเลเซีย", "อินโดนีเซีย", "เวียดนาม", "ฟิลิปปินส์")


def article(number: int, *, title_extra: str = "", body_extra: str = "") -> str:
    """The text of invented article ``number`` (a few sentences; ``*_extra`` are inserted as given)."""
    country = COUNTRIES[number % len(COUNTRIES)]
    title = f"ดีอี หารือความร่วมมือด้านเศรษฐกิจดิจิทัลกับ{country} ฉบับที่ {number}{title_extra}"
    return (
        f"รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-{title}\n\n\n"
        "วันพฤหัสบดีที่ 7 มีนาคม 2567\n"
        f"{title}\n"
        f"กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม (ดีอี) ได้หารือกับผู้แทนของ{country} ณ กรุงเทพมหานคร "
        "เพื่อผลักดันความร่วมมือด้านเศรษฐกิจดิจิทัลในภูมิภาคอาเซียน\n"
        f"{body_extra}\n"
        "ทั้งสองฝ่ายเห็นพ้องที่จะแลกเปลี่ยนข้อมูลและประสบการณ์ด้านการพัฒนาทักษะดิจิทัลของประชาชน\n"
        f"ที่มา : https://news.invalid/{number}\n"
    )


def name(number: int) -> str:
    return f"{number:03d}_invented.txt"


def write_articles(folder: Path, numbers: range | list[int], **extra: str) -> list[Path]:
    """Write the invented articles ``numbers`` into ``folder``; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in numbers:
        path = folder / name(number)
        path.write_text(article(number, **extra), encoding="utf-8")
        paths.append(path)
    return paths

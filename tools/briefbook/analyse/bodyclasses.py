"""Bodies named as a class, not as one body: "Sở Y tế các tỉnh, thành
phố", "các Sở Y tế", "28/34 Sở Y tế", "Sở Y tế như Nghệ An, TP HCM", for
the patterns of :mod:`briefbook.bodies`."""

from __future__ import annotations

from briefbook.analyse.bodyforms import BodyForms

__all__ = ["QUANTIFIERS", "BodyClasses"]

# Words before a lower-case head that make it a class, not one body ("các bệnh viện Hà Nội").
QUANTIFIERS = frozenset(
    {"các", "những", "nhiều", "mọi", "số", "hai", "ba", "bốn", "năm", "vài", "mỗi", "từng"}
)

# Words before a capitalised head that count it ("các Sở Y tế", "mỗi Bệnh viện"); not "năm", "số".
_COUNTERS = frozenset({"các", "những", "nhiều", "mọi", "mỗi"})

# The first words of the places a class of bodies is one of ("các tỉnh", "các địa phương", "cấp huyện").
_PLACES_OF_A_CLASS = frozenset({"tỉnh", "thành", "quận", "huyện", "xã", "phường", "thị", "địa", "nước"})


class BodyClasses(BodyForms):
    """The words of one text, with what makes a body's name a class."""

    def counted(self, i: int, count: int, end: int) -> bool:
        """Whether the one body named at ``i`` is counted, so a class: "các
        Sở Y tế báo cáo", "28/34 Sở Y tế", "các Khoa COVID-19"; not a head
        shared by a list ("các Bệnh viện Bạch Mai và Chợ Rẫy"), which is two
        bodies."""
        words = self.words
        if count > 1 or i == 0 or not self.joined(i):
            return False
        before = words[i - 1]
        fraction = (  # "34/63": a share of all of them; "21/7" is a date
            i > 1
            and before.text.isdigit()
            and words[i - 2].text.isdigit()
            and not before.joined
            and int(words[i - 2].text) <= int(before.text)
            and int(before.text) > 12
        )
        if not fraction and before.lower not in _COUNTERS:
            return False
        # A list after it names its members: "các Bệnh viện Bạch Mai, Việt Đức".
        listed = end < len(words) and (
            (words[end].capital and not words[end].joined)
            or (words[end].lower == "và" and end + 1 < len(words) and words[end + 1].capital)
        )
        return not listed

    def of_places(self, j: int) -> bool:
        """Whether the words at ``j``, after a body's name, make it a class
        of bodies, one of each of many places: "các tỉnh", "12 tỉnh, thành
        phố", "chín tỉnh", "các địa phương", "cấp huyện"."""
        words = self.words
        k = j + 1
        return (
            self.joined(j)
            and self.joined(k)
            and (words[j].lower in QUANTIFIERS or words[j].text.isdigit() or words[j].lower == "cấp")
            and words[j].lower != "số"
            and words[k].lower.split("/")[0] in _PLACES_OF_A_CLASS  # "các tỉnh/ thành phố"
        ) or self.like_places(j)

    def like_places(self, j: int) -> bool:
        """Whether "như" and a place at ``j`` give examples of the places of a
        body named with none: "ở Sở Y tế như Nghệ An, TP HCM" (a class)."""
        words = self.words
        return self.joined(j) and words[j].lower == "như" and self.joined(j + 1) and self.place(j + 1) > 0

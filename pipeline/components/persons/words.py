"""Word sets and limits the person rules read."""

from __future__ import annotations

#: Tokens in a name: five words, hyphenated parts counting three tokens ("Vasconcelos-Lima").
MAX_NAME_TOKENS = 9
LOCAL_RULE = "person.local"
FILLERS_BEFORE_TITLE = {"the", "a", "an", "currently", "also", "now", "our", "its", "their"}

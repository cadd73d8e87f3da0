"""The channel of a count: the nearest channel words that govern it.

- its own clause, before the number (``通过门户网站公开信息2017条``), taken with the list
  of channels that clause ends (``在网站、《公报》主动公开规章13件``);
- else, for a part of a total, the total's channel (``其中部门文件5条`` → the 348's);
- else the scene the sentence sets before its counts (``通过门户网站、政务新媒体等方式，…``),
  or the clause right after that names where the items went (``…80项,已全部在委网站主动公开``);
- else ``total``.

A channel word after a source verb names where items came from (转载其他媒体信息21条);
one after the publishing verb of a scene-setting clause names what was published.
"""
from __future__ import annotations

import re
from typing import Optional

from .cues import OPEN_QUOTES, SUBMITTED_FOR_PRINT, channel_cues, matcher, resolve_channel
from .prose import ADDRESS, PARAGRAPH_BREAK, SEMICOLONS, sentence_spans
from .verbs import publish_verbs
from .view import SentenceView
from ..vocabulary import ITEM_MARKER, PAREN_ITEM_MARKER

_QUOTED = re.compile(r"[“\"「『]([^”\"」』\n]{2,20})[”\"」』]")
_NAMED_ACCOUNT = re.compile(r"(?:通过|在|依托)\s*([\u4e00-\u9fff]{2,8})\s*$")
_GENERIC_NAME = re.compile(r"^(?:本|我|政府|政务|官方|各|其他|部门|单位)")


def scene_cues(text: str) -> list:
    """The cues that set the scene of a clause: all of a clause without a publishing
    verb, else those before its verb (通过网站发布…), and the periodical a clause
    produces (编发《揭阳市人民政府公报》24期)."""
    cues = channel_cues(text)
    verbs = publish_verbs(text)
    if matcher("channels", "periodical_verbs", "words").search(text):
        return cues
    return [c for c in cues if not verbs or c.start < verbs[0]]


def clause_cues(text: str) -> list:
    """The cues of a count's own clause, but for a source (转载其他媒体各类信息21条)."""
    sources = list(matcher("channels", "source_verbs", "words").finditer(text))
    return [c for c in channel_cues(text) if not sources or c.start < sources[0].start()]


def account_of(text: str, cues) -> Optional[str]:
    """The account or column name printed next to the channel cue (“杨凌援外”微信公众号)."""
    if not cues:
        return None
    cue = cues[-1]
    if cue.named:
        return cue.word  # an account the report named with its platform before (“魅力二街”发布356条)
    if text[cue.start:cue.start + 1] in OPEN_QUOTES:
        return cue.word  # the quoted name of a site (在“中国·合肥”公开)
    before = text[max(0, cue.start - 24):cue.start]
    m = None
    for m in _QUOTED.finditer(before):
        pass
    if m and len(before) - m.end() <= 2:
        return m.group(1).strip()
    after = _QUOTED.match(text[cue.end:cue.end + 24].lstrip())
    if after:
        return after.group(1).strip()
    if cue.channel in ("wechat", "new_media", "short_video", "weibo") or cue.word.startswith(ADDRESS):
        named = _NAMED_ACCOUNT.search(before)
        if named and not _GENERIC_NAME.match(named.group(1)):
            return named.group(1)
    return None


def own_channel(view: SentenceView, q) -> tuple:
    """Channel and account named in ``q``'s own clause before the number, the clause
    taken with the list of channels it ends (在网站、《公报》主动公开规章13件)."""
    text = view.text[_statement_start(view, q):q.start]
    cues = clause_cues(text)
    return resolve_channel(cues), account_of(text, cues)


def _statement_start(view: SentenceView, q) -> int:
    """Where ``q``'s own statement starts: its clause, or, where a scraped page ran two
    statements together without punctuation, the end of the count before it whose words
    up to ``q`` hold a verb of their own (…微信公众号发布信息126条“幸福同田”微博转发政务信息95条:
    round-11 h1019; …政务新媒体发布信息39936甘肃政务服务网发布信息139条: round-1 h013;
    …微信公众号推送信息1363微博发布信息1155条: round-9 h817)."""
    start = own_clause_start(view, q)
    for c in view.counts():
        if c.unit in _ITEM_UNITS and start <= c.start and c.end <= q.start and publish_verbs(view.text[c.end:q.start]):
            start = c.end  # (a count of accounts before the verb stays in: 全市政府网站及389个政务新媒体发布…)
    return start


#: Units of items, whose count ends a statement a new one may follow without punctuation.
_ITEM_UNITS = frozenset({"条", "篇", "件", "则", "份", ""})


#: A clause that counts the accounts opened, right before the count of what they published, joined
#: by 、 (开设政务微博4个、公开信息4687条: round-13 h1202; 开设政务微博1个、公开信息2: round-18 h1705;
#: both readers weibo): it names the count's channel, as a list of channels does.
_OPENED_ACCOUNTS = re.compile(r"(?:其中)?\s*(?:新)?(?:开设|开通)[^，,、；;\d]{1,12}?\d+\s*个")


def _opens_accounts(clause: str) -> bool:
    """The clause counts accounts of a named kind opened (开设政务微博4个; not 开设其他平台1个)."""
    return bool(_OPENED_ACCOUNTS.fullmatch(clause.strip())) and any(c.strong for c in channel_cues(clause))


def own_clause_start(view: SentenceView, q) -> int:
    """Where ``q``'s own clause starts, taken with the list of channels it ends (在网站、
    《公报》主动公开…: the clauses before it joined by 、, without counts or verbs), and with
    the clause of the verb whose objects or joined verbs the 、 list gives (全市各政务新媒体
    发布领导活动、重要会议、政策措施等335896条; 官方微博…共发布、转发信息215条), itself after
    its own list of channels (通过甘肃政务服务网站、华池县政府信息公开网站、新闻报刊媒体等方式公开…、
    招标投标、…公开信息共计147条: total)."""
    i = view.clause_index(q)
    start = view.clauses[i].start
    verb_seen = False  # a verb of the clauses walked back over: before it, a list of channels only
    while i > 0 and "、" in view.text[view.clauses[i - 1].end:view.clauses[i].start] and (
            not view.clause_counts(i - 1) or _opens_accounts(view.clause_text(i - 1))):
        has_verb = bool(publish_verbs(view.clause_text(i - 1)))
        if has_verb and verb_seen:
            break
        # 全市各政务新媒体发布领导活动、重要会议、政策措施等335896条: the verb's clause, its objects listed
        verb_seen = verb_seen or has_verb
        i -= 1
        start = view.clauses[i].start
    return start


def scene_channel(view: SentenceView, q, earlier: list = ()) -> tuple:
    """Channel set by the adverbial clause right before the count's (通过/在/依托 X,),
    which governs it rather than a statement before it (在…网站上发布信息153条,通过…
    微信公众号,共发布信息322条: the 322 is the account's); else by the earlier clauses of
    the sentence, or named right after (…条，已在委网站公开). An item of a 、 list whose
    count is no publication sets no scene (…、专题专栏新增1个、解读信息发布10条)."""
    i = view.clause_index(q)
    if i > 0 and _submitted_right_before(view, i):
        return "other", None  # …向人民日报、…等多家报纸杂志、网站投稿,全年共计发布27篇 (round-16 h1502): the submissions
    adverbial = _adverbial(view, i)
    if adverbial is not None:
        return adverbial
    followed = _followed_account_before(view, i)
    if followed is not None:
        return followed
    taken = {f.quantity for f in earlier}
    cues, account = [], None
    for j in range(i):
        c = view.clauses[j]
        listed = j > 0 and "、" in view.text[view.clauses[j - 1].end:c.start]
        if listed and any(c.start <= n.start < c.end and n not in taken for n in view.counts()):
            continue
        text = view.clause_text(j)
        scene = scene_cues(text)
        if scene:
            cues += scene
            account = account_of(text, scene) or account
    if not cues and i + 1 < len(view.clauses):
        nxt = view.clause_text(i + 1)
        if publish_verbs(nxt) and not view.clause_counts(i + 1):
            cues = channel_cues(nxt)
    return resolve_channel(cues), account


def _followed_account_before(view: SentenceView, i: int) -> Optional[tuple]:
    """``(channel, account)`` of the account whose followers the clause right before clause
    ``i`` counts, naming it (“丰都教育”微信订阅号关注用户达7.58万人,全年发布信息216条): the
    items counted next are that account's, whatever the sentence named before it (加强政务新媒体
    建设,…: round-13 h1206's readers, wechat; every development gold reads such a pair so: r4 h302,
    r14 h1317, r19 h1804 and h1816, first-look h035 and h046). None otherwise."""
    if i == 0 or not view.clause_counts(i - 1):
        return None
    text = view.clause_text(i - 1)
    if not matcher("follower_words", "words").search(text):
        return None
    cues = [c for c in scene_cues(text) if c.strong]
    return (resolve_channel(cues), account_of(text, cues)) if cues else None


def _submitted_right_before(view: SentenceView, i: int) -> bool:
    """The statement right before clause ``i`` (its clauses back to a comma) sends articles to
    media (向…投稿) and counts nothing: a count that follows tallies the submissions."""
    start = view.clauses[i].start
    j = i - 1
    while j > 0 and "、" in view.text[view.clauses[j - 1].end:view.clauses[j].start]:
        j -= 1
    if any(view.clause_counts(k) for k in range(j, i)):
        return False
    return bool(SUBMITTED_FOR_PRINT.search(view.text, view.clauses[j].start, start))


#: A clause that opens with these sets the medium of the verb after it (通过…微信公众号,共发布…).
PREPOSITION = re.compile(r"[^，,。；;\d]{0,8}?(?:通过|依托|利用|借助|运用)|(?:\d{4}\s*年度?)?\s*在")


def _adverbial(view: SentenceView, i: int) -> Optional[tuple]:
    """``(channel, account)`` of the adverbial right before clause ``i``: the clauses
    from one that opens with 通过/在/依托 … up to clause ``i``, none holding a count,
    naming a channel (通过政务新媒体“巴彦呼舒镇”微信公众号,共发布信息322条;
    通过政府网站、政务新媒体渠道,主动公开…3573条). None when there is none."""
    for j in range(i - 1, -1, -1):
        if view.clause_counts(j):
            return None
        text = view.clause_text(j)
        if PREPOSITION.match(text) and not publish_verbs(text):
            cues, account = [], None
            for k in range(j, i):
                scene = scene_cues(view.clause_text(k))
                cues += scene
                account = account_of(view.clause_text(k), scene) or account
            return (resolve_channel(cues), account) if cues else None
    return None


#: What ends a sentence, for the sentence before a count.
_SENTENCE_ENDS = "。！？!?"
#: How far back the sentence before a count is looked for.
_SENTENCE_BEFORE_CHARS = 200
#: A year that opens a sentence (2023年,).
_YEAR_OPENING = re.compile(r"\s*\d{4}\s*年度?\s*[,，]?")
#: The number of an outline item that opens a sentence (1.通过所网站“信息公开”公开信息情况。): no count.
_OUTLINE_NUMBER = re.compile(rf"\s*(?:{ITEM_MARKER}|{PAREN_ITEM_MARKER})")


def sentence_before_scene(text: str, start: int) -> Optional[tuple]:
    """``(channel, account)`` set by the sentence right before ``start`` in its paragraph
    when it opens with the medium of the publishing work (通过/依托/在 X): whether it counts
    nothing (2023年,武汉病毒所通过官方微信平台,认真做好信息发布工作。全年共发布信息80条。)
    or has a channel as its subject and counts nothing (門戶網站主動公開政府信息情況。共發布公開信息699條,
    其中…: round-18 h1703, its readers website), or counts the channel's items, which the next sentence goes on to list (2024年,通过区政府
    门户网站主动公开各类信息9288条。发布规范性文件1条,…文件16条: round-9 h818, its readers
    website; every development gold reads a sentence after such a one so: shared 166, round-2
    h105, round-3 h212, round-5 h420, round-9 h815 with 其中); None otherwise, and None when
    that sentence breaks its count down itself (通过政府网站主动公开信息2959条,其中:…2463条,
    …496条。转载发布政策解读信息23条…: round-11 h1015's readers, total)."""
    if text[:start].rstrip()[-1:] in SEMICOLONS:
        return _semicolon_scene(text, start)
    before = _sentence_before(text, start)
    found = sentence_spans(text, *before) if before else ()
    if not found or PARAGRAPH_BREAK.search(text, found[-1][0], start):
        return None  # the last sentence: a heading line before it is a sentence of its own
    sentence = text[found[-1][0]:found[-1][1]]
    outline = _OUTLINE_NUMBER.match(sentence)
    sentence = sentence[outline.end():] if outline else sentence
    opening = _YEAR_OPENING.match(sentence)
    sentence = sentence[opening.end():] if opening else sentence
    medium = PREPOSITION.match(sentence)
    if medium is None and not _COUNT.search(sentence):
        return _statement_opening(sentence)  # 門戶網站主動公開政府信息情況。共發布公開信息699條 (round-18 h1703)
    if medium is None or not publish_verbs(sentence) or _BROKEN_DOWN.search(sentence):
        return None
    cues = [c for c in channel_cues(sentence[medium.end():]) if c.strong]
    if not cues:
        return None
    return resolve_channel(cues), account_of(sentence[medium.end():], cues)


#: A count in a sentence (a sentence without one only sets the scene of the next).
_COUNT = re.compile(r"\d\s*(?:余|多)?\s*[条篇件个份期]")


#: How many ；-statements naming no channel the opening's channel is carried over.
_STATEMENTS_BACK = 4
#: How far into a statement a channel that is its subject stands (门户网站对…, 厅官方网站…).
_SUBJECT_CHARS = 8


def _semicolon_scene(text: str, start: int) -> Optional[tuple]:
    """``(channel, account)`` the opening of a 。-sentence sets for its ；-statement at
    ``start``: walking back over ；-statements that name no channel to one that opens with
    the medium of its publishing (通过/利用/依托/在 X) or has a channel as its subject. The
    readers of rounds 9-11 scope a channel so, to the 。: round-9 h811 利用门户网站主动公开…
    其他信息70条;发布政策文件4条 (website), round-11 h1012 门户网站对…及时进行公开;…发布政务动态
    160条,… (website), round-10 h903 and h919 (a channel phrase covers the clauses of its
    sentence). None when a statement between names another channel, or none opens so."""
    pos = start
    for _ in range(_STATEMENTS_BACK):
        end = len(text[:pos].rstrip())
        if end == 0 or text[end - 1] not in SEMICOLONS:
            return None
        floor = max(0, end - _SENTENCE_BEFORE_CHARS)
        begin = max([floor] + [text.rfind(c, floor, end - 1) + 1 for c in _SENTENCE_ENDS + SEMICOLONS + "\n"])
        statement = text[begin:end - 1]
        scene = _statement_opening(statement)
        if scene is not None:
            return scene
        if channel_cues(statement) or begin == floor or text[begin - 1] not in SEMICOLONS:
            return None
        pos = begin
    return None


def _statement_opening(statement: str) -> Optional[tuple]:
    """``(channel, account)`` of a statement that publishes and opens with its medium or
    has a channel as its subject; None otherwise."""
    outline = _OUTLINE_NUMBER.match(statement)
    statement = statement[outline.end():] if outline else statement
    opening = _YEAR_OPENING.match(statement)
    statement = statement[opening.end():] if opening else statement
    verbs = publish_verbs(statement)
    if not verbs:
        return None
    medium = PREPOSITION.match(statement)
    rest = statement[medium.end():] if medium else statement
    cues = [c for c in channel_cues(rest) if c.strong]
    if not cues or (medium is None and (cues[0].start > _SUBJECT_CHARS or cues[0].start > verbs[0])):
        return None  # (转载微信公众号文章: the account after the verb is where items came from)
    return resolve_channel(cues), account_of(rest, cues)


#: A count followed by its own breakdown (…2959条,其中:…): the sentence lists the channel's
#: items itself, and the next sentence goes on to other work (round-11 h1015's readers).
_BROKEN_DOWN = re.compile(r"\d\s*[条件篇个]\s*[，,]?\s*(?:其中|包括|具体(?:包括|为|是)?)\s*[：:，,]?")


def _sentence_before(text: str, start: int) -> Optional[tuple]:
    """``(begin, start)``: the sentence that ends (a sentence end and spaces) right before
    ``start``, from the sentence end before it, within _SENTENCE_BEFORE_CHARS; None when
    the text before ``start`` does not end a sentence. Read backwards: a regular
    expression searched over the window tries every start in it."""
    floor = max(0, start - _SENTENCE_BEFORE_CHARS)
    end = start
    while end > floor and text[end - 1].isspace():
        end -= 1
    if end == floor or text[end - 1] not in _SENTENCE_ENDS:
        return None
    return max([floor] + [text.rfind(c, floor, end - 1) + 1 for c in _SENTENCE_ENDS]), start


_RESPECTIVELY = re.compile(r"分别")
#: Between the counts of a 分别 list: 277条、523条; 405条和102条.
_RESPECTIVE_JOIN = re.compile(r"\s*[、和及与,，]\s*")


def respective_channel(view: SentenceView, q) -> Optional[str]:
    """``通过官方微博、微信公众号分别发布各类信息92条、306条``: as many channels
    named before 分别 as counts listed after it, one for one."""
    marks = list(_RESPECTIVELY.finditer(view.text, view.start, q.start))
    if not marks:
        return None
    mark = marks[-1]
    run = []
    for c in view.counts():
        if c.start < mark.end():
            continue
        if run and not _RESPECTIVE_JOIN.fullmatch(view.text, run[-1].end, c.start):
            break
        run.append(c)
    if q not in run:
        return None
    counts_before = [c for c in view.counts() if c.end <= mark.start()]
    start = max([view.start] + [c.end for c in counts_before])
    cues = [c for c in channel_cues(view.text[start:mark.start()]) if c.strong]
    if len(cues) != len(run) or len(run) < 2:
        return None
    return cues[run.index(q)].channel

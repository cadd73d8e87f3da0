"""What a number of one sentence is: the three extractors' rules.

Each extractor reads a :class:`~nlp.facts.view.SentenceView` and returns
:class:`~nlp.facts.view.Found` facts; the word lists are ``nlp/data/facts_cues.json``.

A publication count is a count of items (条、篇、件 …) that
- a publishing verb governs in its own clause (:func:`nlp.facts.verbs.governing`), or
- is a part of a total (:mod:`nlp.facts.parts`), or
- continues a list a publishing verb opened (``发布外事信息、工作动态…等共554余条``,
  ``文件42件，人事任免文件106件``), or
- stands after a channel's name and nothing else (``政务网站70余条``),
and that no word of its own describes as something else (:mod:`nlp.facts.verbs`).
Its channel is :mod:`nlp.facts.channels`'. A follower count takes the channel of its
own clause, else of the account whose publications the sentence just counted, else of
the account an earlier clause names, else ``new_media`` (an account is always on some
platform).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..numbers import Quantity
from . import parts
from .channels import PREPOSITION, account_of, own_channel, own_clause_start, respective_channel, scene_channel, scene_cues
from .cues import NAMES, channel_cues, matcher, resolve_channel
from .prose import ADDRESS, FILLER
from .verbs import counts_things, governing, has, marks_other_matter, publish_verbs
from .view import PUBLICATION_UNITS, Found, SentenceView

FOLLOWER_UNITS = frozenset({"人", "个", "户", "位", ""})
#: Units of documents and items, not of events or things (次, 期, 个, 项).
DOCUMENT_UNITS = frozenset({"条", "条次", "篇", "篇次", "件", "则", "份"})
MONEY_UNITS = frozenset({"元"})

#: Items sent to another body's channel: 向<destination>报送/上报, or the destination
#: right after the verb (上报河南省政府网站信息1947条).
_SUBMITTED_TO = re.compile(r"向([^，,。；;:：\d]{1,20}?)(?:报送|上报)|(?:报送|上报)(?:至|到|给)?([^，,。；;:：\d]{1,16}?网站?)")
#: The words before a count of the items a channel adopted (采用1900条, 被采用111条).
_ADOPTED = re.compile(r"(?:被)?采用\s*(?:了|共|共计)?\s*$")
#: A topic word that ends a part's words names its category (热点问题解答50条).
_CATEGORY_END = re.compile(r"(?:类|信息|类信息)?\s*(?:共|为|达)?\s*$")
#: The words before a count end in a category of information (…环保能源类信息).
_INFO_CATEGORY = re.compile(r"类\s*(?:的)?\s*信息\s*(?:共|为|达)?\s*$")


def publication_facts(view: SentenceView, before: tuple = ()) -> list:
    """``publication_count`` facts of one sentence, in order. ``before``: the facts of
    the sentence just before, whose total a sentence opening with 其中 breaks down."""
    found = []
    earlier = list(before) if parts.opens_with_parts(view) else []
    for q in view.quantities:
        if q.unit not in PUBLICATION_UNITS or parts.breaks_down_no_publication(view, q, earlier) \
                or parts.acts_on_items(view, q, earlier):
            continue
        fact = _publication(view, q, earlier)
        if fact:
            found.append(fact)
            earlier.append(fact)
    return found


def _publication(view: SentenceView, q: Quantity, earlier: list) -> Optional[Found]:
    placed = _placed_on_channel(view, q)
    if placed is not None:
        channel, account, rule = placed
        return Found("publication_count", channel, account if channel != "total" else None, q,
                     _span_start(view, q), q.end, rule, head=True)
    head = parts.head_of(view, q, earlier)
    if _not_publication(view, q, part=head is not None) and not _confirmed_part(view, head, q):
        return None
    continued = _continued(view, q, earlier)
    rule = _publication_rule(view, q, head, continued)
    if rule is None:
        return None
    channel, account = _channel(view, q, head, continued, earlier)
    return Found("publication_count", channel, account if channel != "total" else None, q,
                 _span_start(view, q), q.end, rule, head=head is None)


#: The words before a count end in a measure of an activity (更新量, 访问量): no items.
_MEASURE_END = re.compile(r"量\s*(?:共计|共|为|达)?\s*$")


def _placed_on_channel(view: SentenceView, q: Quantity) -> Optional[tuple]:
    """``(channel, account, rule)`` of items the body placed on another body's channel:
    submitted to a channel it names (向市政府网站报送政务信息18条: round-4 h320, round-7
    h604, round-9 h808, each gold website), or, where the sentence counts what the channel
    adopted, those adopted (共上报河南省政府网站信息1947条,采用1900条: round-6 h510 counts
    the 1900 and leaves the 1947 out; adopted items are the adopter's, as round-3 h201's
    7件作品被学习强国平台采用). A submission to a body (向上级报送, 向省政府办公厅送交:
    shared gold 118, first-look h031) names no channel and stays out. None otherwise."""
    sentence = view.text[view.start:view.end]
    if q.unit in DOCUMENT_UNITS and "采用" in sentence:
        adopter = _adopted_by(view, q)
        if adopter is not None:
            return adopter
    if q.unit not in DOCUMENT_UNITS or ("报送" not in sentence and "上报" not in sentence):
        return None
    submitted = [m for m in _SUBMITTED_TO.finditer(sentence) if view.start + m.end() <= q.start]
    if not submitted:
        return None
    destination = submitted[-1].group(1) or submitted[-1].group(2)
    cues = [c for c in channel_cues(destination) if c.strong]
    if not cues:
        return None
    channel, account = resolve_channel(cues), account_of(destination, cues)
    prefix = view.prefix(q)
    if _ADOPTED.search(prefix):
        return channel, account, "adopted by the channel it was submitted to"
    adopted_after = any(_ADOPTED.search(view.prefix(c)) for c in view.counts() if c.start > q.start)
    own = view.text[own_clause_start(view, q):q.start]
    if adopted_after or not _SUBMITTED_TO.search(own) or governing(own) != "act":
        return None
    return channel, account, "submitted to a channel"


def _adopted_by(view: SentenceView, q: Quantity) -> Optional[tuple]:
    """``(channel, account, rule)`` of items a channel the clause names adopted, the channel
    before the count (主动公开并被区政府网站采用46条: round-14 h1315, gold website) or after it
    (7件作品被学习强国平台采用: round-3 h201, gold other). None otherwise."""
    own = view.text[own_clause_start(view, q):q.start]
    m = _ADOPTED_BY_BEFORE.search(own) or _ADOPTED_BY_AFTER.match(view.text, q.end, view.end)
    if m is None:
        return None
    cues = [c for c in channel_cues(m.group(1)) if c.strong]
    if not cues:
        return None
    return resolve_channel(cues), account_of(m.group(1), cues), "adopted by a channel"


#: 被<channel>采用 right before a count, or right after it (作品被学习强国平台采用).
_ADOPTED_BY_BEFORE = re.compile(r"被([^，,。；;:：\d]{1,20}?)采用\s*(?:了|共|共计)?\s*$")
_ADOPTED_BY_AFTER = re.compile(r"[^，,。；;:：\d]{0,6}?被([^，,。；;:：\d]{1,20}?)采用")


def _confirmed_part(view: SentenceView, head, q: Quantity) -> bool:
    """A part whose act word names its kind (征集调查16期, the items of a 征集调查
    column) where the report's arithmetic confirms it: the parts add up to the total
    (:func:`nlp.facts.parts.adds_up`). A measure stays out (其中:…政务动态信息更新量1939条,
    shared gold 156, though its parts add up to the 2006)."""
    prefix = view.prefix(q)
    return governing(prefix) == "act" and not _MEASURE_END.search(prefix) and parts.adds_up(view, head, q)


def _list_item(view: SentenceView, q: Quantity) -> bool:
    """``q``'s clause is an item of a 、 list: a verb in it is part of a name
    (…、其他公告公示通知等信息54条)."""
    i = view.clause_index(q)
    return i > 0 and "、" in view.text[view.clauses[i - 1].end:view.clauses[i].start]


#: Words of an object that name no kind of item (政府信息数, 各类信息).
_GENERIC_OBJECT = re.compile(r"各类|各项|政府|政务|信息|数量|数|共计|共|合计|等|的|了|\s")


def _list_channel(view: SentenceView, q: Quantity, continued: Found, head) -> tuple:
    """The channel a count takes from the count it continues: the one named before the
    verb that governs both (通过县政府网站发布预算信息1条,决算信息1条; 通过微信公众号发布
    信息131条、视频62条), not an item's kind after it (推送短视频1113个、图文1775条) nor a
    statement complete in itself (微信公众号公布4条,人大代表建议2条: after a comma, a
    count of all the channel's items is followed by another statement, not by its
    sibling); a sibling outside a breakdown takes its channel."""
    prefix = view.prefix(continued.quantity)
    verbs = publish_verbs(prefix)
    if not verbs:
        return (continued.channel, continued.account) if head is None and continued.rule != "part of a total" \
            else (None, None)
    obj = _GENERIC_OBJECT.sub("", matcher("publish_verbs", "words").sub("", prefix[verbs[-1]:]))
    joined = re.fullmatch(r"\s*、\s*", view.text[continued.end:view.clauses[view.clause_index(q)].start])
    if not re.search(r"[\u4e00-\u9fff]{2}", obj) and not joined:
        return None, None
    start = min(view.prefix_start(continued.quantity), own_clause_start(view, continued.quantity))
    named = view.text[start:continued.quantity.start]  # 通过网站、《公报》等渠道主动公开规章5件、文件5件
    cues = scene_cues(named)
    return (resolve_channel(cues), account_of(named, cues)) if cues else (None, None)


def _publication_rule(view: SentenceView, q: Quantity, head, continued) -> Optional[str]:
    """Why ``q`` counts published items (the fact's explanation), or None."""
    prefix = view.prefix(q)
    if governing(prefix) == "publish":
        return "verb in clause"
    if head is not None:
        return "part of a total"
    if _in_object_list(view, q):
        return "in the object list of a verb"
    if continued is not None and not _other_act(prefix):
        return "next to a publication count"
    if not prefix.strip() and publish_verbs(view.text[view.start:q.start]):
        return "opens a clause after a publishing verb"
    if _TALLY.fullmatch(prefix) and _tallies_statement(view, q):
        return "tallies the statement of a publishing verb"
    if q.unit in DOCUMENT_UNITS and _names_a_channel_only(prefix):
        return "a channel's count"
    if q.unit in DOCUMENT_UNITS and matcher("item_nouns", "words").search(prefix):
        return "a count of items by their noun"
    if q.unit == "期" and matcher("not_publication", "issues").search(prefix) \
            and matcher("channels", "periodical_verbs", "words").search(prefix):
        return "issues of a gazette"
    return None


#: A clause that opens with a tally word before its count (…,共计24条信息).
_TALLY = re.compile(r"\s*(?:共计|合计|总计|累计|共|计)\s*")


def _tallies_statement(view: SentenceView, q: Quantity) -> bool:
    """``在厅网站“统计数据”专栏,公示全省…情况、客货运输量统计数据,共计24条信息``: the
    count tallies what the clauses right before it published, a publishing verb governing
    them and no count among them."""
    i = view.clause_index(q)
    for j in range(i - 1, -1, -1):
        text = view.clause_text(j)
        if view.clause_counts(j) or has(text, "not_publication", "topics"):
            return False  # 依法公开政府信息,受理申请,共计5件: the applications are tallied
        if publish_verbs(text):
            return governing(text) == "publish"
    return False


#: What may stand beside a channel's name before its count (政务网站70余条, 门户网站共计…).
_CHANNEL_COUNT_FILLER = re.compile(r"(?:\s|共计|合计|累计|共|计|为|达|各类|政府|政务|信息|数量?|的)*")


def _names_a_channel_only(prefix: str) -> bool:
    """The words before a count are a channel's name and nothing else (政务网站70余条;
    门户网站717条、微博545条): what else a channel counts in 条 is the items it published."""
    cues = [c for c in channel_cues(prefix) if c.strong]
    if not cues:
        return False
    rest = "".join(ch for i, ch in enumerate(prefix) if ch not in (FILLER, ADDRESS) and not any(c.start <= i < c.end for c in cues))
    return bool(_CHANNEL_COUNT_FILLER.fullmatch(NAMES.sub("", rest)))


def _channel(view: SentenceView, q: Quantity, head, continued, earlier: list) -> tuple:
    """The channel of a publication count (:mod:`nlp.facts.channels`): ``分别`` lists
    name one channel a count; then the count's own clause; a count that continues a
    list a verb opened takes that count's channel (通过县政府网站发布预算信息1条,决算
    信息1条), a part the total's; else the scene of the sentence (:func:`scene_channel`),
    else of the sentence before in its paragraph (:func:`sentence_before_scene`), when the
    count's own sentence names no channel at all; else total."""
    channel = respective_channel(view, q)
    if channel is not None:
        return channel, None
    channel, account = own_channel(view, q)
    if channel is not None:
        return channel, account
    times = _times_before(view, q)
    if times is not None:  # 微信公众号发送文章360余次、2500余篇: the channel of the times' clause
        channel, account = own_channel(view, times)
        if channel is not None:
            return channel, account
    if continued is not None and (governing(view.prefix(q)) != "publish" or _list_item(view, q)):
        channel, account = _list_channel(view, q, continued, head)
    if channel is None and head is not None:
        channel, account = _item_channel(view, q, head) or (head.channel, head.account)
    if channel is None:
        channel, account = scene_channel(view, q, earlier)
    if channel is None and view.scene_before is not None and not channel_cues(view.text[view.start:q.start]):
        channel, account = view.scene_before
    return channel or "total", account


#: What ends one item of a breakdown whose items ； separates.
_ITEM_END = re.compile(r"[；;]")


def _item_channel(view: SentenceView, q: Quantity, head) -> Optional[tuple]:
    """``(channel, account)`` a part's own ；-item names in a clause before its count
    (…其中通过政府网站公开…2000余条;…;出版《政府公报》3期,公开信息96条: the 96 are the
    gazette's, round-6 h513's readers; OUTPUT.md: a part takes its total's channel unless it
    names its own). None when the item names none or is not set off by ；."""
    if isinstance(head, parts.UnstatedTotal):
        return None
    ends = [m.end() for m in _ITEM_END.finditer(view.text, head.end, q.start)]
    if ends:
        item = view.text[ends[-1]:q.start]
        cues = [c for c in scene_cues(item) if c.strong]
        return (resolve_channel(cues), account_of(item, cues)) if cues else None
    return _breakdown_scene(view, q, head)


#: A clause that names a place of its own for its verb: 通过/在/依托/利用 X…, or X上公开.
_OWN_PLACE = re.compile(rf"\s*(?:{PREPOSITION.pattern})|[^，,。；;\d]*?上\s*(?:公开|发布|公示|公布)")


def _breakdown_scene(view: SentenceView, q: Quantity, head) -> Optional[tuple]:
    """``(channel, account)`` of a breakdown that opens with the medium of its verb
    (…共发布信息342条。…其中在东区人民政府门户网站发布通知公告3条、部门动态1条,行政执法信息公示1条、
    财政信息7条: round-12 h1105's readers, website for all four): the channel named before
    the first publishing verb after the part marker, no other channel named after it."""
    markers = list(matcher("part_markers", "words").finditer(view.text, max(head.end, view.start), q.start))
    if not markers or _OWN_PLACE.match(view.text, own_clause_start(view, q), q.start):
        return None  # (…,兴华乡政务公开揭示板上公开45条; …,通过版面、发放明白纸0条: a place of its own)
    words = view.text[markers[-1].end():q.start]
    verbs = publish_verbs(words)
    cues = [c for c in channel_cues(words) if c.strong]
    if not verbs or not cues or any(c.start > verbs[0] for c in cues):
        return None
    return resolve_channel(cues), account_of(words, cues)


def _not_publication(view: SentenceView, q: Quantity, part: bool) -> bool:
    """Counts of applications, meetings, views …, of accounts and columns, of followers.
    The words of ``q``'s own phrase decide. A part listed without a verb of its own
    (其中…重要工作会议22条) names a kind of the total's items: its topic words name
    that kind, unless its unit counts events (新闻发布会2次)."""
    prefix = view.prefix(q)
    if _PUBLISHED_REPLIES.search(prefix) and publish_verbs(view.text[own_clause_start(view, q):q.start]):
        return False  # 公开建议提案办理答复14件: the replies to deputies' suggestions, published
    noun_after = re.split(r"[，,。；;、\s]", view.suffix(q).lstrip())[0]
    governed = governing(prefix)
    listed = part and (governed is None or _list_item(view, q)) and q.unit in DOCUMENT_UNITS
    if marks_other_matter(prefix, noun_after) and not (listed and _ends_in_category(prefix, noun_after)):
        return True
    if governed == "act" and not (part and q.unit in DOCUMENT_UNITS and _act_names_category(prefix)):
        return True  # (开展互动访谈24期 among a total's parts: interviews held; a sum may still confirm one)
    if not listed and (has(noun_after, "not_publication", "acts")
                       or counts_things(_object(prefix), noun_after, q.unit in DOCUMENT_UNITS and _in_object_list(view, q))
                       and not _meeting_items(prefix, q)):
        return True
    if q.unit in _PUSH_UNITS and _TIMES_THEN_ITEMS.match(view.text, q.end, view.end):
        return True  # 累计发布247次457条: 247 pushes, 457 items; 54期97条, 12期、27条: issues, items
    if matcher("not_publication", "changes").search(prefix):
        return True  # 较上年增加20条: a change against another year
    if has(prefix, "not_publication", "rates"):  # (not in a title: 《新华每日电讯》, round-18 h1707)
        return True  # 每周至少集中转载1次: a frequency, not the year's items
    if q.unit == "期" and matcher("not_publication", "issues").search(prefix) and _carried_items(view, q):
        return True  # 编辑《上海市人民政府公报》24期，刊登…243件: the items count, not the issues
    if q.unit == "期" and not part and matcher("not_publication", "rounds").search(prefix):
        return True  # 开展征集调查并公布调查结果8期: rounds of a survey
    if has(prefix, "not_publication", "stock") and governed != "publish":
        return True  # 现行有效文件共计57件: documents in force, no items published
    if q.unit == "次" and not part and matcher("not_publication", "responses").search(prefix):
        return True  # 回应公众关注热点19次: times responded (a part of a total stays: r3 h221)
    return _is_container_count(view, q) or has(prefix, "follower_words", "words")


#: The replies to deputies' suggestions and proposals (建议/提案…办理答复/复文) a publishing verb
#: puts out are items published: r6 h503 公開建議提案辦理答復14件, r6 h520 专栏公开各级人大代表建议、
#: 政协提案办理复文2575件 (readers: facts, as r2 h120 政协提案办理结果答复1件, r3 h201, r5 h412 建议提案办理N条,
#: r11 h1015 公开人大代表建议和政协委员提案办理结果10件).
_PUBLISHED_REPLIES = re.compile(r"(?:建议|提案)\s*(?:的)?\s*(?:办理)?\s*(?:结果\s*(?:答复|复文|复函)?|答复|复文|复函)\s*(?:文件|信息|件)?\s*(?:共计|共|计)?\s*$")
#: Units of pushes or issues, when a count of items follows right after: 次 (发布247次457条, 发送预警信息39次4707条),
#: 期 (“庆阳外事”微信订阅号发布信息54期97条, collected row 1357; r5 h413 通过LED宣传信息12期、27条, readers: the 27).
_PUSH_UNITS = frozenset({"次", "期"})
#: A count of items right after a count of times (发布247次457条, 发送预警信息39次4707条).
_TIMES_THEN_ITEMS = re.compile(r"\s*[、，,]?\s*(?:共计|共|计)?\s*\d[\d,.]*\s*(?:余|多)?\s*[条篇]")
#: The words before a count end in a meeting (…常务会议62条, 会议信息共…).
_MEETING_END = re.compile(r"会议\s*(?:信息)?\s*(?:共计|共|计|为|达)?\s*$")


def _carried_items(view: SentenceView, q: Quantity) -> bool:
    """Does the sentence go on to count the items the issues ``q`` carried: a later count of
    documents with no other channel named between (编辑《上海市人民政府公报》24期，刊登…243件,
    009; 出版《政府公报》3期,公开信息96条, r6 h513)? Without one the issues are the
    gazette's count (编制《廊坊市人民政府公报》4期,“廊坊政务”新浪微博发文2900余条, r4 h308)."""
    later = [c for c in view.counts() if c.start >= q.end and c.unit in DOCUMENT_UNITS]
    return bool(later) and not channel_cues(view.text[q.end:later[0].start])


def _times_before(view: SentenceView, q: Quantity) -> Optional[Quantity]:
    """The count of times right before the items count ``q`` (发送文章360余次、2500余篇), or None."""
    before = [c for c in view.counts() if c.end <= q.start]
    if not before or before[-1].unit not in _PUSH_UNITS:
        return None
    m = _TIMES_THEN_ITEMS.match(view.text, before[-1].end, view.end)
    return before[-1] if m and m.end() >= q.end else None


def _meeting_items(prefix: str, q: Quantity) -> bool:
    """``发布省政府常务会议62条``: meetings counted in 条 or 篇 are the items published
    about them (a meeting is held 次 or 场); 公开政府常务会议17次 stays meetings."""
    return q.unit in ("条", "篇") and bool(_MEETING_END.search(prefix)) and "发布会" not in prefix[-6:]


def _other_act(prefix: str) -> bool:
    """A verb of another act governs the count (开设专栏2个); one that ends the words
    before the count, or a category of information, names a category (乡镇建设12条,
    国土资源城乡建设环保能源类信息1条)."""
    verbs = list(matcher("other_verbs", "words").finditer(prefix))
    if not verbs or _INFO_CATEGORY.search(prefix):
        return False
    return not _CATEGORY_END.fullmatch(prefix, verbs[-1].end())


def _ends_in_category(prefix: str, noun_after: str) -> bool:
    """热点问题解答50条: the topic word names the category the part counts."""
    if noun_after and marks_other_matter("", noun_after):
        return False
    words = list(matcher("not_publication", "topics").finditer(prefix))
    return bool(words) and bool(_CATEGORY_END.fullmatch(prefix, words[-1].end()))


def _act_names_category(prefix: str) -> bool:
    """意见征集信息3条, 民意征集2条, 审计整改情况8条: the act word names the kind of
    the part's items (更新量1条 counts updates)."""
    acts = list(matcher("not_publication", "acts").finditer(prefix))
    if not acts or "更新" in acts[-1].group(0):  # 政务动态信息更新量1939条 counts updates
        return False
    rest = prefix[acts[-1].end():]
    return bool(re.match(r"\s*(?:类|信息|情况|结果|公告)", rest) or _CATEGORY_END.fullmatch(rest))


def _object(prefix: str) -> str:
    """The words after the last publishing verb: what it published (公开政府常务会议 → 会议)."""
    verbs = publish_verbs(prefix)
    return prefix[verbs[-1]:] if verbs else prefix


#: What may stand between a container word and its count (专题专栏总量达到14个).
_CONTAINER_GAP = r"(?:总量|总数|数量|数)?\s*(?:新增|增加|新开设|达到|达|共|为)?"


@lru_cache(maxsize=1)
def _containers() -> tuple:
    before = re.compile(f"(?:{matcher('containers', 'before').pattern}){_CONTAINER_GAP}$")
    after = re.compile(f"\\s*(?:{matcher('containers', 'after').pattern})")
    return before, after


#: The words a count in 个 qualifies, up to the next break: its noun phrase.
_NOUN_PHRASE = re.compile(r"[^，,。；;、：:\d\s（()）]{1,20}")


def _is_container_count(view: SentenceView, q: Quantity) -> bool:
    """A count of accounts, columns or units (专栏1个, 15个平台, 专题专栏总量达到14个,
    专题专栏新增1个), also with words between the count and its noun (在“一网一视两微四端”
    八个官方政务新媒体平台总计发布…, round-10 h918; the shape of 全市15个政府网站,
    7个具有外事特色专题栏目, 等7个专题栏目 in rounds 1-9)."""
    before_words, after_words = _containers()
    before = re.sub(r"[\s（(]", "", view.text[max(view.start, q.start - 10):q.start])
    if (q.unit == "个" and bool(before_words.search(before))) or bool(after_words.match(view.text, q.end, q.end + 4)):
        return True
    return q.unit == "个" and _noun_is_container(view.text, q.end, view.end)


def _noun_is_container(text: str, start: int, end: int) -> bool:
    """The noun phrase after a count ends in a container (官方政务新媒体平台), before any verb."""
    phrase = _NOUN_PHRASE.match(text, start, end)
    if not phrase:
        return False
    words = phrase.group(0)
    verbs = publish_verbs(words)
    words = words[:verbs[0]] if verbs else words
    return any(_NOUN_END.fullmatch(words, m.end()) for m in matcher("containers", "after").finditer(words))


#: What may follow a count's noun before its verb (…平台总计发布, …账号上发布).
_NOUN_END = re.compile(r"(?:共计|总计|合计|累计|共|计|上|中)?")


#: Two counts of one clause joined as one list (405条和102条).
_COUNT_JOIN = re.compile(r"\s*(?:和|及|与|以及)\s*")


def _glued_item(view: SentenceView, nearest: Quantity, q: Quantity) -> bool:
    """The next item of a list printed without its 、 (a scraped page lost it): the words
    of ``q``'s item start right after the count before, in a unit, and hold no verb
    (公开政府文件50件经济社会发展信息34条、…, round-10 h907; 概况类信息348条政务要闻415条
    通知公告307…, round-5 h409)."""
    words = view.text[nearest.end:q.start]
    return bool(nearest.unit) and view.prefix_start(q) == nearest.end and not publish_verbs(words) \
        and governing(words) is None


#: What joins the items of a list (、), or opens it (主要涉及类别有:).
_LIST_JOIN = re.compile(r"[、：:]")


def _in_object_list(view: SentenceView, q: Quantity) -> bool:
    """``发布外事信息、工作动态、…等共554余条``: a publishing verb earlier in a list
    whose items are joined by 、 only (or opened by a colon)."""
    i = view.clause_index(q)
    for j in range(i - 1, -1, -1):
        between = view.text[view.clauses[j].end:view.clauses[j + 1].start]
        clause = view.clauses[j]
        if not _LIST_JOIN.search(between) or any(clause.start <= c.start < clause.end for c in view.counts()):
            return False
        if publish_verbs(view.clause_text(j)):
            return True
    return False


def _continued(view: SentenceView, q: Quantity, earlier: list) -> Optional[Found]:
    """The publication count that ``q`` continues: ``q`` opens its clause, and the
    nearest count before it (bracketed asides skipped) is that fact, with nothing but
    separators and the words of ``q``'s item between (文件42件，人事任免文件106件)."""
    i = view.clause_index(q)
    before = [c for c in view.counts() if c.end <= q.start]
    if not before:
        return None
    nearest = before[-1]
    if view.prefix_start(q) != view.clauses[i].start:  # 发布了信息405条和102条
        joined = _COUNT_JOIN.fullmatch(view.text, nearest.end, q.start) or _glued_item(view, nearest, q)
        return next((f for f in earlier if f.quantity == nearest), None) if joined else None
    if i == 0 or nearest.end > view.clauses[i].start:
        return None
    found = {f.quantity: f for f in earlier}
    start = view.clauses[i].start
    for count in reversed(before):  # 信息3050条、政务动态信息更新2944条、通知公告206条: past an item not taken
        between = view.text[count.end:start]
        if publish_verbs(between) or has(between, "other_verbs", "words"):
            return None
        if count in found:
            return found[count]
        if not _list_item(view, count):
            return None
        start = view.clauses[view.clause_index(count)].start
    return None


def follower_facts(view: SentenceView, publications: list) -> list:
    """``follower_count`` facts of one sentence (粉丝数、订阅数、关注人数 …)."""
    found = []
    for q in view.quantities:
        if q.unit not in FOLLOWER_UNITS:
            continue
        prefix = view.prefix(q)
        words = list(matcher("follower_words", "words").finditer(prefix))
        after = matcher("follower_words", "after").match(view.text, q.end, view.end)  # 并获3100余受众关注
        if not after and (not words or has(prefix[words[-1].start():], "follower_words", "not")):
            continue
        if has(prefix, "follower_words", "not"):
            continue
        clause = view.clauses[view.clause_index(q)]
        cues = [c for c in channel_cues(view.text[clause.start:q.start]) if c.strong]
        channel, account = resolve_channel(cues), account_of(view.text[clause.start:q.start], cues)
        start = _span_start(view, q)
        if channel is None:
            before = [p for p in publications if p.end <= q.start]
            named = _account_named_since(view, q, before[-1].end) if before else (None, None)
            if named[0] is not None:
                channel, account = named  # …主动公开信息319件;通过“大连市医保局”…微信公众号进行政策宣传,关注用户总量突破200万
            elif before:
                channel, account, start = before[-1].channel, before[-1].account, before[-1].start
        if channel is None:
            channel, account = _account_named_before(view, q)
        found.append(Found("follower_count", channel or "new_media", account, q, start, q.end, "follower word"))
    return found


#: Channels whose accounts have followers.
_FOLLOWED = frozenset({"wechat", "weibo", "short_video", "app", "new_media"})


def _account_named_since(view: SentenceView, q: Quantity, since: int) -> tuple:
    """``(channel, account)`` of a followed channel that the clauses between ``since`` (the end of
    the sentence's last publication count before ``q``) and ``q``'s clause name, the followers'
    subject (…本年度主动公开信息319件;通过“大连市医保局”“大连市医疗保障局”微信公众号进行政策宣传,
    关注用户总量突破200万: round-21 h2014's readers wechat, not the 319's website); (None, None)
    when they name none or several kinds."""
    i = view.clause_index(q)
    cues, account = [], None
    for j in range(i):
        c = view.clauses[j]
        if c.start < since:
            continue
        text = view.clause_text(j)
        found = [cue for cue in channel_cues(text) if cue.strong]
        cues += found
        account = account_of(text, found) or account
    channel = resolve_channel(cues)
    return (channel, account) if channel in _FOLLOWED else (None, None)


def _account_named_before(view: SentenceView, q: Quantity) -> tuple:
    """The account an earlier clause of the sentence names, the followers' subject
    (局微信订阅号于2016年9月开通,目前关注人数90519人); none when they name several kinds
    or a medium without followers (打造“花伴儿”融媒体平台,…,平台注册用户37368人: 媒体)."""
    channel, account = scene_channel(view, q)
    return (channel, account) if channel in _FOLLOWED else (None, None)


def procurement_facts(view: SentenceView) -> list:
    """``procurement_amount`` facts stated in the prose (采购金额120万元)."""
    found = []
    for q in view.quantities:
        if q.unit not in MONEY_UNITS:
            continue
        before = view.text[view.start:q.start]
        bought = matcher("procurement_words", "words").search(before)
        if bought and has(before[bought.end():], "procurement_words", "amount") \
                and not has(view.prefix(q), "procurement_words", "not"):
            found.append(Found("procurement_amount", None, None, q, _span_start(view, q), q.end, "procurement word"))
    return found


def _span_start(view: SentenceView, q: Quantity) -> int:
    clause = view.clauses[view.clause_index(q)]
    return clause.start


__all__ = ["publication_facts", "follower_facts", "procurement_facts", "SentenceView", "Found"]

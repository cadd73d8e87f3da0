"""Write nlp/paragraphs/cues.json: the cues of the paragraph model, each with two real
sentences from two different reports of the training data (data/labelled/collected.jsonl,
then data/labelled/first_look.jsonl; none of them a shared-gold report) that show it, taken
from rows carrying the label the cue argues for (or, for a cue against a label, rows
without it). An alternative added to a cue later (``also``) is shown the same way, by two
sentences of its own. Clause cues are counted wherever they match; opening cues look at a
paragraph's first words (the run-in sub-heading of the template).

    .venv/bin/python -m training.cue_examples
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from nlp.labelled import group_of, load_rows

ROOT = Path(__file__).resolve().parent.parent
C = r"[^。；;，,]"  # inside one clause
CHANNEL = (r"网站|栏目|专栏|新媒体|公众号|微博|微信|抖音|快手|视频号|账号|平台|公报|热线|大厅|专区|查阅点|查阅室|查阅场所"
           r"|窗口|受理点|信箱|入口|公开栏|公示栏|显示屏|电子屏|客户端|APP|链接"
           r"|(?:目录|公开|申请|办公|发布|信息|管理|办理|服务|网络|在线|监测|报送)系统")
#: the channels in general, as a shortfall names them (公开途径的多样化不够, 丰富载体…还有提升空间)
ROUTE = r"途径|渠道|载体"
#: a shortfall phrase: what it says still needs strengthening is no measure (有待进一步加强, 仍需磨合加强)
#: the generic "platform" of the template's topic list and of stock aims (平台建设, 优化公开平台,
#: 加强政府信息公开平台建设): no channel in particular, so no channel built (OUTPUT.md: a
#: framing opening carries no topic label); a match of a channel cue starting in it does not count
GENERIC_PLATFORM = (r"(?:(?:加强|强化|推进|优化|完善|抓好|规范|健全|建立健全|建立|深化|持续)[^。；;，,、]{0,4}?)?"
                    r"(?:政府信息公开|政务信息公开|政务公开|信息公开|公开|信息)?平台(?:和队伍|、体系、品牌|与渠道)?"
                    r"(?:建设|优化|整合|优化升级)?(?:管理)?")
NEED = (r"(?:有待|仍需|还需|尚需|亟需|亟待|需要|需)[^。；;，,]{0,6}?(?:进一步)?"
        r"(?:加强|提升|提高|完善|改进|充实|加大|增强|拓宽|拓展|强化|健全)")
#: a verb inside a name is no verb: 建设 of a field, a project, a bureau or a quoted column
#: (社会公益事业建设领域, 重大建设项目, 住房和城乡建设局网站, “法治政府建设”栏目), 开通 of 公开通过/公开通报,
#: 集约 of a platform's name (四川省气象局集约化平台)
NAMED_BUILD = r"建设(?!领域|项目|局|厅|委|行动|[”\"])"
NAMED_OPEN = r"(?<!公)开通"
NAMED_MERGE = r"集约(?!化(?:网站)?平台)"
BUILD = (rf"开设|{NAMED_OPEN}|设立|设置|开辟|新增|增设|新建|建成|建立|搭建|创建|改版|升级|整合|{NAMED_MERGE}|关停|关闭|注销|迁移|(?<!线)上线(?!下)"
         rf"|优化|调整|完善|维护|运维|监测|巡查|巡检|监管|改造|{NAMED_BUILD}|规范")
CUES = [
    # (name, for/against, label, pattern, what it says)
    ("channel_build", "for", "platform", rf"(?:{BUILD}){C}{{0,14}}?(?:{CHANNEL})|(?:{CHANNEL}){C}{{0,8}}?(?:建设|改版|运维|维护|优化|整合|上线|升级|监测|安全|{NAMED_MERGE}|功能|布局|设置)",
     "a clause that builds, changes or keeps a channel (not the generic 平台建设 of a topic list or a stock aim)",
     {"unless": GENERIC_PLATFORM}),
    ("channel_shortfall", "for", "platform", rf"(?:{CHANNEL}|{ROUTE}){C}{{0,14}}?(?:有待|不及时|不完善|较慢|不够|滞后|僵尸|未及时|不规范|单一"
     r"|不多|不广|缺乏|提升空间|较少|偏少|不丰富|不足)",
     "a shortcoming of a channel, or of the channels (公开途径的多样化不够)",
     {"also": [rf"(?:{ROUTE}){C}{{0,14}}?(?:有待|不够|单一|不多|不广|缺乏|提升空间|较少|偏少|不丰富|不足)"]}),
    ("channel_check", "for", "platform",
     rf"(?:{CHANNEL}){C}{{0,8}}?(?:排查|检查|巡查|自查|抽查|普查|体检|清查|巡检)|(?:排查|检查|巡查|自查|抽查|普查|体检|清查|巡检){C}{{0,8}}?(?:网站|栏目|专栏|新媒体|公众号|账号)",
     "an inspection of a channel (政府网站错敏信息专项排查), its day-to-day upkeep"),
    ("channel_used", "against", "platform",
     rf"(?:通过|依托|利用|借助|用好|运用|依靠|在){C}{{0,24}}?(?:{CHANNEL}|{ROUTE}){C}{{0,12}}?(?:发布|公开|推送|公示|宣传|传播)"
     rf"|(?:综合运用|充分运用|充分利用|运用|利用|发挥){C}{{0,10}}?(?:各种|各类|多种){C}{{0,12}}?(?:平台|渠道|载体|媒介|媒体)",
     "a channel named as the means of publishing (通过门户网站…及时发布, 综合运用各种信息公开的平台和渠道), with or without a count",
     {"also": [rf"(?:综合运用|充分运用|充分利用|运用|利用|发挥){C}{{0,10}}?(?:各种|各类|多种){C}{{0,12}}?(?:平台|渠道|载体|媒介|媒体)"]}),
    ("channel_published", "against", "platform", rf"(?:{CHANNEL})[^。；;]{{0,24}}?(?:发布|公开|推送|编发|更新|刊发)[^。；;]{{0,24}}?\d+\s*(?:条|篇|件|期)",
     "a channel named as where a count of items was published"),
    ("channel_framing", "against", "platform", rf"是{C}{{0,16}}?(?:重要|主要|第一)(?:窗口|平台|渠道|载体)|(?:拓宽|拓展){C}{{0,4}}?(?:公开)?(?:渠道|载体)",
     "a channel in a stock aim or a definition"),
    ("platform_heading", "against", "platform", r"(?m)^\s*(?:[（(][一二三四五六七八九十]{1,2}[）)]|\d{1,2}[.．、])?[^。：:]{0,10}平台建设(?:情况|方面)?[。：:]",
     "a 平台建设 run-in heading (it says where a paragraph stands, not what it reports)"),
    ("shortfall", "for", "problems", rf"存在{C}{{0,12}}?(?:问题|不足|差距|短板|薄弱)|(?:有待|仍需|还需|尚需|亟待|亟需)(?:进一步)?|不够(?:及时|全面|深入|规范|丰富|到位)|(?:差距|不足)(?:[。：:，,]|之处)|滞后|欠缺"
     rf"|(?:还有|仍有|尚有|存在){C}{{0,4}}?(?:提升|提高|改进|进步)空间|缺乏",
     "the body admits a shortcoming", {"also": [rf"(?:还有|仍有|尚有|存在){C}{{0,4}}?(?:提升|提高|改进|进步)空间", r"缺乏"]}),
    ("addressing", "for", "measures", r"针对[^。；;]{0,20}?(?:问题|不足|短板|差距)|对上述问题|对此|为此"
     r"|(?:以上|上述|这些)(?:问题|不足)|加以(?:改进|解决|整改)",
     "a measure named after the shortcoming it remedies (上述问题,我们将…切实加以改进)",
     {"also": [r"(?:以上|上述|这些)(?:问题|不足)", r"加以(?:改进|解决|整改)"]}),
    ("plan", "for", "measures", r"下一步|接下来|今后|明年|来年|下一年|20\d\d年[，,]?[^。；;，,]{0,12}?将|我们将|拟|计划|将(?:进一步|继续|持续|加强|着力|不断|重点|切实|积极|以)|以下(?:几个)?方面|改进措施|整改措施",
     "a plan for the coming period", {"also": [r"接下来"]}),
    ("routine_check", "against", "measures", rf"(?:定期|常态化|日常|每季度|每月){C}{{0,10}}?(?:自查|巡查|检查|巡检|抽查)|发现(?:的)?问题{C}{{0,6}}?整改|督促{C}{{0,8}}?整改",
     "a routine check and the fixes it leads to"),
    ("routine_setup", "against", "measures", rf"成立{C}{{0,12}}?(?:领导小组|工作小组)|(?:修订|制定|印发){C}{{0,16}}?(?:办法|制度|指南|目录|方案|要点)",
     "the year's routine set-up work"),
    ("report_outline", "against", "measures", r"(?:本|年度)报告(?:由|包括|涵盖|分为|主要包括)|(?:全文|报告)(?:包括|由)[^。]{0,120}?(?:组成|部分|方面)|[六五七八九]个?部分"
     r"|全文(?:包括|分为)",
     "a preamble that lists the report's sections", {"also": [r"全文(?:包括|分为)"]}),
    ("report_published", "against", "platform",
     r"(?:本|年度)报告[^。]{0,60}?(?:网站|平台|专栏|栏目|网)[^。]{0,40}?(?:公布|发布|公开|下载|查阅)|电子版可(?:在|从|于|通过)",
     "a preamble saying where the report itself is published (本报告在…网站公布, 电子版可在…下载): no channel run"),
    ("published", "for", "proactive_disclosure", r"(?:发布|公开|推送|编发)[^。；;]{0,20}?\d+\s*(?:条|篇|件|期|个)", "a count of published items"),
    ("request", "for", "request_handling", r"依申请|申请|答复|复议|诉讼|处理费", "applications and their handling"),
    ("management", "for", "information_management", r"审查|保密|审核|目录|指南|清理|规范性文件|归档|属性|三审三校|纠错", "managing information"),
    ("oversight", "for", "oversight", r"培训|考核|领导小组|督查|督导|监督|评议|问责|人大代表|政协|提案|责任", "steering the work"),
    # word-level cues of the first paragraph model, kept as they were
    ("shortfall_words", "for", "problems",
     r"存在[^。；;，,]{0,8}(?:问题|不足|差距|短板)|不足|差距|短板|薄弱|有待|不够|不高|不强|欠缺|缺乏|尚需|仍需|还需|仍待|滞后|不到位|不充分|不全面|单一|不规范|偏少|不及时"
     r"|提升空间|提高空间|改进空间"
     r"|(?:无法|难以|不能|未能)(?:满足|适应|跟上)|不相适应|跟不上|亟待|亟需|尚未(?:实现|建立|形成|完全)",
     "a word of shortcoming (not inside 针对…问题, which names a problem to address it)",
     {"unless": r"针对[^。；;，,]{0,20}?(?:问题|不足|短板|差距)"}),
    ("plan_words", "for", "measures",
     r"下一步|接下来|下一年|今后|明年|来年|20\d\d年[，,]?(?:我们|我局|我办|我区|我县|我市|本单位)?将|将(?:进一步|继续|持续|加强|着力|不断|重点|切实|积极|以)"
     r"|改进|整改|拟|计划|针对[^。；;]{0,12}(?:问题|不足)|以下(?:工作|措施|几个方面)|措施", "a word of plan or remedy"),
    ("continuing", "for", "measures", r"进一步|继续|持续|不断|加大|强化|提升|完善|健全",
     "words of carrying on and strengthening (in section 5, the measures' verbs), not inside a shortfall phrase "
     "(有待进一步加强 says what is lacking)", {"unless": NEED}),
    ("channel_named", "for", "platform", r"网站|栏目|专栏|新媒体|公众号|微博|微信|抖音|快手|视频号|平台|公报|热线|大厅|查阅点|查阅室|查阅场所|客户端"
     r"|APP|改版|集约|运维|账号|页面|链接|渠道|载体|窗口|公开栏|公示栏|显示屏|电子屏|服务中心|(?:目录|公开|申请|办公|发布|信息|管理|办理|服务|网络|在线|监测|报送)系统", "a channel named"),
    ("channel_work", "for", "platform",
     rf"(?:开设|{NAMED_OPEN}|设立|设置|新增|新建|改版|升级|{NAMED_BUILD}|优化|整合|{NAMED_MERGE}|关停|注销|运维|维护|监测|巡查|检查|上线|组建|编辑|发行|调整|规范|完善)[^。；;，,]{{0,10}}?"
     r"(?:网站|栏目|专栏|新媒体|公众号|账号|平台|公报|热线|大厅|专区|查阅点|查阅室|查阅场所|窗口|渠道|载体|(?:目录|公开|申请|办公|发布|信息|管理|办理|服务|网络|在线|监测|报送)系统)"
     rf"|(?:网站|栏目|专栏|新媒体|公众号|账号|平台|公报|热线|大厅|专区)[^。；;，,]{{0,6}}?(?:建设|改版|运维|管理|维护|优化|整合|上线|升级|监测|安全|{NAMED_MERGE}|功能)",
     "work on a channel (not the generic 平台建设)", {"unless": GENERIC_PLATFORM}),
    ("channel_change", "for", "platform",
     rf"(?:开设|{NAMED_OPEN}|设立|开辟|新增|增设|新建|改版|升级|整合|关停|注销|(?<!线)上线(?!下)|调整|优化|规范)[^。；;，,、]{{0,12}}?"
     r"(?:网站|栏目|专栏|新媒体|公众号|账号|平台|公报|热线|大厅|专区|查阅点|查阅室|查阅场所|窗口|信箱|入口|(?:目录|公开|申请|办公|发布|信息|管理|办理|服务|网络|在线|监测|报送)系统|公开栏|公示栏)",
     "a change to the set of channels (设立“行政执法公示”专栏; not the generic 优化公开平台)",
     {"unless": GENERIC_PLATFORM}),
    ("opens_problems", "for", "problems", r"问题|不足|差距", "a paragraph opening on its shortcomings", {"where": "opening"}),
    ("opens_measures", "for", "measures", r"改进|整改|下一步|措施|计划|打算", "a paragraph opening on a plan", {"where": "opening"}),
    ("opens_platform", "for", "platform", r"平台|载体|渠道|网站|新媒体|公报", "a paragraph opening on a channel", {"where": "opening"}),
    ("opens_proactive", "for", "proactive_disclosure", r"主动公开", "a paragraph opening on proactive disclosure", {"where": "opening"}),
    ("opens_request", "for", "request_handling", r"依申请|申请公开", "a paragraph opening on applications", {"where": "opening"}),
    ("opens_management", "for", "information_management", r"信息管理|政府信息管理|审查|规范性文件",
     "a paragraph opening on information management", {"where": "opening"}),
    ("opens_oversight", "for", "oversight", r"监督|保障|组织领导|领导|培训|考核|机制", "a paragraph opening on steering the work",
     {"where": "opening"}),
]


#: where the examples come from, in this order (rows of the training data, no gold report)
SOURCES = ("data/labelled/collected.jsonl", "data/labelled/first_look.jsonl")


def examples_of(cue, rows, label: str, stance: str, part=None) -> list:
    """Two sentences of two reports where ``cue`` fires (at a match of ``part``, a
    sub-pattern, when given) in a row carrying ``label`` (a cue for it) or not (against)."""
    examples, seen = [], set()
    for r in rows:
        wanted = (label in r["labels"]) == (stance == "for")
        if not wanted or group_of(r) in seen:
            continue
        starts = [int(s) for s in cue.starts(r["text"], np.zeros(1, dtype=np.int64))]
        if part is not None:
            starts = [s for s in starts if part.search(cue.pattern.match(r["text"], s).group())]
        if not starts:
            continue
        m = cue.pattern.match(r["text"], starts[0])
        begin = max(r["text"].rfind("。", 0, m.start()) + 1, 0)
        end = r["text"].find("。", m.end())
        examples.append({"sentence": r["text"][begin:end + 1 if end >= 0 else len(r["text"])],
                         "source": group_of(r), "labels": r["labels"]})
        seen.add(group_of(r))
        if len(examples) == 2:
            break
    return examples


def main() -> int:
    from nlp.paragraphs.features import Cue

    rows = load_rows([ROOT / path for path in SOURCES if (ROOT / path).exists()])
    out = []
    for name, stance, label, pattern, what, *extra in CUES:
        options = dict(extra[0]) if extra else {}
        also = options.pop("also", [])
        cue = Cue(name, label, stance, re.compile(pattern), options.get("where", "clause"),
                  re.compile(options["unless"]) if "unless" in options else None)
        entry = {"name": name, "stance": stance, "label": label, "what": what, "pattern": pattern, **options,
                 "examples": examples_of(cue, rows, label, stance)}
        if also:
            entry["also"] = [{"pattern": part, "examples": examples_of(cue, rows, label, stance, re.compile(part))}
                             for part in also]
        out.append(entry)
    path = ROOT / "nlp/paragraphs/cues.json"
    path.write_text(json.dumps({"about": __doc__.splitlines()[0], "cues": out}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(out)} cues -> {path}; " + ", ".join(f"{c['name']}:{len(c['examples'])}" for c in out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

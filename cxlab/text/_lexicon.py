"""Word lists of :mod:`cxlab.text`: stop words, a Chinese sentiment lexicon, negators,
degree adverbs and customer-experience (CX) words for jieba.

Sources and licence
-------------------
Every list here was written for cxlab by its authors and is distributed under the
package's licence (GPL-3.0-or-later); none is copied from a third-party list.

- **Stop words.** Function words (pronouns, particles, auxiliaries, prepositions,
  conjunctions, measure words, degree adverbs) of English and Mandarin, chosen the way
  the usual lists (e.g. the SMART list of Salton's system, the 哈工大 / 百度 lists) are
  built, but written out here so that their licence is clear. Negations (``not``,
  ``no``, ``never``; 不, 没, 没有, 无, 别) are deliberately *not* stop words: dropping
  them turns "not clean" into "clean".
- **Chinese sentiment lexicon.** General evaluative vocabulary of Mandarin consumer
  reviews (hotels, restaurants, shops, transport, delivery, telecom): evaluative
  adjectives and idioms, emotion words, defect words (坏, 漏水, 霉味), service-attitude
  words (热情, 敷衍) and intention words (推荐, 再来, 避雷). Valences follow VADER's
  scale (Hutto & Gilbert 2014): ±1 weak, ±2 ordinary, ±3 strong. Entries are words and
  fixed expressions (成语, 熟语), not compositions that the rules already score (不干净 =
  不 + 干净, 非常满意 = 非常 + 满意), and no object nouns (hair, insects). Honest
  caveat: the lexicon was written by people who had read how cxlab's simulated
  ``voc_reviews`` are generated, so its agreement with those star ratings is an
  optimistic figure; HowNet's general word lists under the same rules agree less
  (≈ .75 against .95), mostly for lack of everyday review words (好, 差, 干净, 不错).
- **Negators and degree adverbs** follow the classes of HowNet's sentiment word
  collection (知网情感分析用词语集: 极其 / 很 / 较 / 稍 levels) and of Chinese grammars
  (刘月华等《实用现代汉语语法》): 有点(儿) and 太 before a neutral scalar adjective
  (小, 远, 慢 …) express an undesirable degree, so 有点小 and 太远 count as negative.
- **Emoji** polarity after the Emoji Sentiment Ranking (Kralj Novak et al. 2015), sign
  only.
"""

from __future__ import annotations


def _w(text: str) -> list[str]:
    """The words of a white-space separated list."""
    return text.split()


# ---------------------------------------------------------------- stop words (en)
STOPWORDS_EN = """
a an the and or but if then else so than that this these those there here
it its itself i me my mine myself we us our ours ourselves you your yours yourself
he him his himself she her hers herself they them their theirs themselves one ones
what which who whom whose when where why how whatever whoever
is am are was were be been being do does did doing done have has had having
will would shall should can could may might must ought
to of in on at by for with from into onto about above below over under up down out
off through during before after again further once upon within along across around
between among against toward towards via per
all any both each few more most other others some such own same only just also too
as until while because since though although even ever every another either plus
get gets got getting go goes went gone let lets make makes made take took
very really so quite rather somewhat slightly pretty fairly totally absolutely
genuinely truly super extremely incredibly terribly little bit lot lots much many
s t d ll m re ve y o
oh ah um hmm yeah ok okay
"""

# ---------------------------------------------------------------- stop words (zh)
STOPWORDS_ZH = """
的 地 得 了 着 过 之 其 所 以 而 且 并 及 与 和 跟 同 或 或者 还是 以及
我 我们 你 你们 您 他 他们 她 她们 它 它们 自己 大家 别人 人家 咱们
这 那 这个 那个 这些 那些 这里 那里 这儿 那儿 这样 那样 这么 那么 这种 那种 此 该 本
是 为 在 有 让 给 把 被 将 对 对于 从 自 到 向 往 于 由 按 比 用 以 因 因为 所以 因此
由于 如果 要是 就 才 都 也 还 又 再 更 已 已经 曾 曾经 正 正在 刚 刚刚 将要 一直 总是 老是
吧 啊 呢 吗 嘛 呀 哦 哈 啦 呐 哇 喔 嗯 么 罢了 而已 似的 一样 一般地
个 位 只 件 种 次 些 点 下 天 晚 回 趟 家 间 张 条 块 份
一 二 两 三 四 五 六 七 八 九 十 百 千 万 几 多少 第一
但 但是 不过 可是 然而 只是 就是 而且 另外 同时 还有 然后 于是 虽然 尽管 即使 不管
无论 既然 除了 除非 总之 总的来说 总体 总体来说 整体 整体来说 总的来说 其实 反正 当然
说实话 老实说 感觉 觉得 认为 看来 好像 似乎 可能 应该 需要 可以 能 能够 会 要 想 得到
很 非常 特别 十分 相当 比较 较 挺 蛮 颇 太 最 极 极其 超 超级 真 真的 实在 尤其 格外
有点 有点儿 有些 稍 稍微 略 略微 一点 一点儿 有一点 稍微有点
这次 这家 那次 每次 一次 时候 时 后 前 中 里 上 上面 下面 旁边 期间 之后 之前
来 去 做 说 看 住 用 吃 让 叫 弄 搞 等 等等 之类 什么 怎么 怎样 怎么样 为什么 哪 哪里 谁
"""

# ------------------------------------------------- negators and degree adverbs (zh)
#: negators and the factor they apply (VADER's N_SCALAR is -0.74; softened ones -0.5)
NEGATORS_ZH = {
    **dict.fromkeys(
        _w(
            "不 没 没有 无 非 未 别 莫 勿 甭 不是 并不 并非 并没有 并没 从不 从没 从未 绝不 决不 "
            "毫不 毫无 一点也不 一点都不 根本不 根本没 根本没有 完全不 完全没有 不会 不能 不用 "
            "无法 不够 没能 不再"
        ),
        -0.74,
    ),
    **dict.fromkeys(_w("不太 不怎么 没那么 不算 算不上 谈不上 不大 不是很 不是特别 不那么"), -0.5),
}

#: degree adverbs (程度副词) and their multipliers, after HowNet's four levels
DEGREE_ZH = {
    **dict.fromkeys(
        _w(
            "极 极其 极为 极度 最 最为 超 超级 无比 万分 绝对 完全 特 贼 巨 爆 超超 太 过于 "
            "过分 简直 根本 彻底"
        ),
        1.6,
    ),
    **dict.fromkeys(
        _w(
            "很 非常 特别 十分 相当 真 真的 真是 实在 格外 尤其 分外 好 老 挺 蛮 异常 "
            "非常之 特别是 那么 这么 如此 多么 更 更加 越发 愈发"
        ),
        1.3,
    ),
    **dict.fromkeys(_w("比较 较 较为 颇 颇为 还 还算 还是 算 算是 稍显"), 1.0),
    **dict.fromkeys(
        _w("有点 有点儿 有些 稍 稍微 稍稍 略 略微 略显 一点 一点儿 有一点 稍微有点 些许 偏"),
        0.7,
    ),
}

#: markers of an undesirable degree: before a neutral scalar adjective they make it negative
EXCESS_ZH = frozenset(_w("太 过于 过分 偏 有点 有点儿 有些 有一点 稍微有点 稍微 略 略显 稍显"))
#: scalar adjectives that are neutral alone but a complaint with an excess marker
SCALAR_ZH = frozenset(
    _w(
        "小 少 多 长 短 远 高 低 硬 软 咸 淡 甜 辣 油 腻 冷 热 凉 干 潮 闷 暗 窄 挤 旧 久 "
        "薄 简单 普通 慢 吵 贵 大 深 浅 晚 早 急 杂 乱 空 偏 紧 松 重 浓"
    )
)

#: words that open a contrasting clause (VADER's "but" rule: the clause after weighs 1.5,
#: the clauses before 0.5)
CONTRAST_ZH = frozenset(
    _w("但是 但 不过 可是 然而 只是 就是 可惜 却 好在 还好 幸好 幸亏 偏偏 无奈 唯一 美中不足")
)

# ------------------------------------------------------- Chinese sentiment lexicon
# One block per valence; words separated by white space.
LEXICON_ZH = {
    3: """
完美 完美无缺 极好 绝佳 棒极了 好极了 一流 顶级 顶尖 无可挑剔 无与伦比 惊艳
极致 物超所值 宾至如归 强烈推荐 力荐 必去 必住 必吃 首选 满分 赞不绝口 心满意足
超出预期 超预期 爱死 超值 无敌 一级棒 叹为观止 无可比拟
""",
    2: """
好 不错 棒 赞 优秀 出色 优质 优良 良好 精彩 满意 满足 喜欢 喜爱 热爱 推荐 值得 值 划算
实惠 便宜 合理 公道 优惠 物美价廉 物有所值 性价比高 舒服 舒适 惬意 放松 享受 安心 放心
省心 方便 便利 便捷 快捷 快速 迅速 高效 及时 准时 顺利 顺畅 流畅 稳定 干净 整洁 清洁 洁净
一尘不染 清爽 清新 整齐 有序 安静 宁静 清静 幽静 静谧 宽敞 宽大 宽阔 明亮 通透 敞亮 漂亮
美 美丽 好看 精美 精致 别致 雅致 典雅 优雅 大气 豪华 高档 高端 奢华 时尚 温馨 温暖 舒心
暖心 贴心 用心 细心 细致 仔细 耐心 周到 周全 体贴 热情 热心 友好 友善 和善 亲切 客气 礼貌
有礼貌 专业 敬业 尽责 负责 靠谱 可靠 诚信 真诚 诚恳 认真 到位 完善 齐全 充足 丰富 丰盛
新鲜 好吃 美味 可口 鲜美 香 香甜 入味 地道 正宗 好喝 好用 好找 好评 点赞 称赞 赞赏 感谢
谢谢 感激 愉快 开心 高兴 快乐 欢乐 愉悦 幸福 惊喜 感动 难忘 印象深刻 值回票价 回头客 回购
再来 常来 光顾 信赖 信任 认可 给力 厉害 无忧 爽快 痛快 利索 麻利 安全 结实 耐用 好玩 有趣
有意思 好听 温柔 可爱 美好 优美 迷人 壮观 宜人 凉爽 暖和 清澈 干爽 柔软 松软 合适 适合
恰到好处 理想 得体 正规 有品位 有格调 有特色 没问题 没毛病 挑不出毛病 没得挑 没话说 没得说
五星 极佳 上乘 精良 考究 讲究
干干净净 舒舒服服 一应俱全 应有尽有 琳琅满目 丰俭由人 有求必应
随叫随到 彬彬有礼 和蔼 和蔼可亲 笑容可掬 热情洋溢 亲民 实在 诚意 良心 用心良苦 匠心 高大上
出彩 亮眼 美不胜收 心旷神怡 赏心悦目 安逸 自在
""",
    1: """
还行 还可以 可以 过得去 还不错 挺好 尚可 新 快 暖 亮 静 大方 实用
正常 顺心 稳 稳妥 清楚 明白 及格 合格 达标 有保障 够用 足够 宽裕 积极 主动 用得上
""",
    -1: """
一般 一般般 凑合 马马虎虎 普普通通 平平 平庸 不咋地 不怎么样 勉强 将就 单调 乏味 无聊 旧
等待 排队 久等 费时 费劲 折腾 麻烦 繁琐 复杂 不便 不足 缺点 瑕疵 问题 毛病 偏贵 小贵 略贵
远 偏 窄 挤 卡 吵 潮 闷 凉 硬 少 累 辛苦 着急 担心 焦虑 无奈 尴尬 可惜 遗憾 不巧 不值当
""",
    -2: """
差 失望 不满 郁闷 烦 烦人 闹心 无语 憋屈 委屈 生气 不爽 难受 耽误 浪费
上当 吃亏 被坑 脏 脏乱 肮脏 污 污渍 污垢 灰尘 积灰 霉 发霉 霉味 霉斑 异味 臭 臭味 腥 馊
变质 过期 潮湿 闷热 吵闹 嘈杂 噪音 噪声 喧闹 喧哗 破 破旧 破损 陈旧 老旧 老化 简陋 寒酸
掉漆 坏 坏掉 损坏 故障 失灵 漏水 渗水 堵 堵塞 停电 停水 断网 断线 掉线 卡顿 慢 缓慢 拖拉
拖沓 磨蹭 拖延 延误 晚点 迟到 贵 昂贵 不值 乱收费 加价 冷淡 冷漠 冷冰冰 敷衍 傲慢 粗鲁
粗暴 无礼 怠慢 懒散 推诿 推卸 刁难 凶 态度差 爱答不理 爱理不理 不耐烦 不理
不理睬 不搭理 没人管 没人理 无人理会 吼 骂 吵架 甩脸色 难吃 难喝 难闻 难看 难用
难找 难等 拥挤 拥堵 堵车 狭小 狭窄 逼仄 局促 偏僻 偏远 荒凉 混乱 乱 杂乱 无序 脏兮兮 油腻
缺陷 失误 错误 出错 弄错 搞错 丢失 遗失 不符 名不副实 货不对板 图文不符 虚假
不卫生 差强人意 不尽人意 性价比低
有待提高 有待改进 需要改进 希望改进 不及格 投诉 抱怨 差评 劝退 别来 别去 别住 别买 后悔
""",
    -3: """
极差 差劲 糟糕 糟透 恶劣 恶心 垃圾 烂 烂透 恶臭 最差 失望透顶 愤怒 气愤 愤慨 崩溃
坑 坑爹 坑人 黑心 黑店 宰客 欺诈 欺骗 骗子 骗人 无良 无耻 可恶 可怕 恐怖 噩梦 再也不 千万别
避雷 踩雷 拉黑 态度恶劣 脏乱差 令人发指 忍无可忍 不可理喻 岂有此理 一塌糊涂
大失所望
""",
}

#: emoji polarity (sign after Kralj Novak et al. 2015), on the lexicon's scale
EMOJI = {
    **dict.fromkeys(
        _w("👍 😊 😄 😃 😀 😁 😍 🥰 😘 ❤️ ❤ 💕 💯 🌟 ⭐ 👏 🙌 🎉 😋 🤩 💖 ✨ 🙂 ☺️"), 1.5
    ),
    **dict.fromkeys(_w("👎 😡 😠 🤬 😞 😢 😭 😤 😒 😩 😫 💔 🙄 🤮 🤢 😣 😖 😓 😔 😕 ☹️"), -1.5),
}

# ------------------------------------------------------------- CX words for jieba
#: customer-experience vocabulary added to jieba's dictionary at load, so that these
#: terms come out as one token (服务态度, not 服务 + 态度)
CX_WORDS_ZH = """
服务态度 服务质量 服务意识 服务水平 服务员 工作人员 前台 前台小姐姐 大堂 大堂经理 值班经理
礼宾 管家 客房 客房服务 客房送餐 保洁 阿姨 客服 售后 早餐 早餐券 自助早餐 自助餐 餐厅 下午茶
晚餐 午餐 性价比 入住 退房 提前入住 延迟退房 自助入住 查房 押金
房费 房价 会员价 会员 积分 升级 免费升级 房型 大床房 双床房 标间 套房 海景房 行政酒廊
卫生间 浴室 淋浴 浴缸 马桶 热水 热水器 空调 床垫 枕头 床单 被套 毛巾 拖鞋 洗漱用品 遮光窗帘
隔音 噪音 无线网 网速 信号 泳池 健身房 停车场 接驳车 接送机 行李寄存 电梯 地铁站 周边
值机 登机 托运 航班 乘务员 机组 餐食 座椅 退换货 快递 物流 发货 包装 尺码 色差 排队 等位
顾客 客户 客人 体验 满意度 回头客 差评 好评 投诉 赔偿 退款 补偿 道歉
"""

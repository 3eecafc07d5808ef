"""Phrase pools for ``voc_reviews.py``: the parts a simulated hotel review is built from.

Each block is one language. A line is ``key | phrase | phrase ...``; a key may repeat
(its phrases are appended). Keys:

- ``ASPECT.pos`` / ``ASPECT.neu`` / ``ASPECT.neg``: an aspect clause with that sentiment;
  ``ASPECT.fail``: a concrete service failure (dirty room, rude staff, lost booking);
- ``open.pos|neu|neg|any``, ``close.1`` … ``close.5``, ``conn.same|to_pos|to_neg|to_neu``,
  ``aggr`` (a failure left unresolved), ``recov`` (a failure put right), ``emoji.TONE``;
- a suffix ``@tag`` limits a phrase to one hotel type (city, resort, airport, town) or
  segment (business, leisure).

Slots filled at random: ``{A}`` a positive intensifier (很/非常; very/really), ``{M}`` a
mild one (有点; a bit), ``{S}`` a strong negative one (太/特别; so/extremely), ``{N}`` a
number of nights, ``{T}`` a waiting time, ``{W}`` a way of writing wifi. Negations are
written into the phrases so that their sentiment is right: 不干净 / wasn't clean are
negative, 不错 / not bad at all positive, 不算好也不算差 / not bad, not great neutral.
"""

from __future__ import annotations

SLOTS = {
    "zh": {
        "A": ["很", "非常", "特别", "超级", "挺", "十分", "相当", "蛮"],
        "M": ["有点", "有些", "稍微有点", "有一点"],
        "S": ["很", "非常", "特别", "太", "超级"],
        "N": ["一", "两", "三", "四"],
        "T": ["半个小时", "四十分钟", "一个多小时", "快一个小时", "二十分钟"],
        "W": ["WiFi", "无线网", "网络", "wifi"],
    },
    "en": {
        "A": ["very", "really", "super", "extremely", "so", "quite", "genuinely"],
        "M": ["a bit", "a little", "slightly", "somewhat", "rather"],
        "S": ["very", "really", "extremely", "so", "terribly", "incredibly"],
        "N": ["two", "three", "four", "five", "a couple of"],
        "T": ["half an hour", "forty minutes", "over an hour", "nearly an hour", "20 minutes"],
        "W": ["wifi", "WiFi", "Wi-Fi", "the wifi", "the internet"],
    },
}

ZH = """
room.pos | 房间{A}宽敞 | 房间{A}大，住着{A}舒服 | 床{A}舒服，一觉睡到天亮 | 房间装修{A}新
room.pos | 枕头软硬合适，睡得{A}好 | 窗外景色{A}美 | 房间设施齐全，用着{A}方便 | 房间布置得{A}温馨
room.pos | 浴室{A}大，水压也足 | 免费升级了房型，{A}惊喜 | 遮光窗帘效果{A}好 | 房间{A}有设计感
room.pos@resort | 阳台正对大海，{A}美 | 海景房{A}值得
room.neu | 房间中规中矩 | 房间不大，但够用 | 房间一般，没什么特别的 | 房间有点旧，但还能接受
room.neu | 床还行，就是枕头偏软 | 房型和图片差不多 | 房间设施比较普通 | 房间还可以
room.neg | 房间{M}小 | 房间{S}小，行李箱都打不开 | 房间{M}旧，设施老化 | 床{S}硬，睡得不舒服
room.neg | 房间{M}潮，有股霉味 | 浴室{M}小，转身都难 | 房间和图片差别{S}大 | 空调不太制冷
room.neg | 枕头不舒服，一晚上没睡好 | 家具都旧了，{M}寒酸
room.fail | 空调坏了 | 热水器坏了，洗澡只有冷水 | 马桶堵了 | 房门锁坏了，半夜进不去房间
room.fail | 订的大床房给了双床房 | 房间里的灯坏了一半 | 淋浴漏水，地上全是水
cleanliness.pos | 房间{A}干净 | 卫生{A}好，一尘不染 | 床单被套都{A}干净，有阳光的味道
cleanliness.pos | 卫生间打扫得{A}干净 | 每天都打扫得{A}干净 | 毛巾{A}白，也{A}干净 | 卫生没得说
cleanliness.pos | 房间{A}整洁，没有异味 | 卫生做得{A}到位
cleanliness.neu | 卫生一般 | 卫生还行，不算特别干净 | 卫生过得去 | 打扫得还可以，角落有点灰
cleanliness.neu | 卫生间还算干净 | 卫生方面中规中矩
cleanliness.neg | 房间不太干净 | 卫生{M}差 | 卫生间不干净，有股异味 | 地毯{M}脏 | 打扫得不够仔细
cleanliness.neg | 房间里有股异味 | 角落里都是灰 | 卫生{S}差 | 浴室的地漏{M}脏
cleanliness.fail | 床单上有头发，还有污渍 | 枕头上有别人的头发，{S}恶心 | 卫生间里有蟑螂
cleanliness.fail | 浴缸没洗干净，有一圈污垢 | 毛巾上有黄斑，根本没换 | 地上还有上一位客人的垃圾
cleanliness.fail | 床上发现了小虫子 | 杯子没洗，还有口红印 | 房间根本没打扫就让我们入住
service.pos | 前台小姐姐{A}热情 | 服务{A}周到 | 员工{A}友好，有问必答 | 服务员态度{A}好
service.pos | 礼宾帮忙叫车，{A}贴心 | 管家服务{A}到位 | 员工{A}专业，有求必应
service.pos | 给我们准备了生日惊喜，{A}感动 | 服务无可挑剔 | 服务态度好得没话说
service.neu | 服务一般 | 服务还行，中规中矩 | 员工态度还可以 | 服务没有什么特别的
service.neu | 服务不算热情，但也挑不出毛病 | 前台效率一般
service.neg | 服务{M}冷淡 | 员工不太热情 | 服务态度{M}差 | 前台爱答不理 | 打了几次电话都没人接
service.neg | 服务员{M}不耐烦 | 服务意识{S}差 | 提的需求没人跟进 | 服务{S}慢
service.fail | 前台态度{S}恶劣，还跟客人吵架 | 服务员对我们大吼大叫 | 投诉后经理不道歉还推卸责任
service.fail | 服务员没敲门就直接进了房间 | 要的毛巾等了两个小时都没送来 | 寄存的行李丢了一件
service.fail | 被前台当面翻白眼
food.pos | 早餐{A}丰盛 | 早餐种类{A}多，中西式都有 | 早餐的小笼包{A}好吃 | 餐厅的菜{A}地道
food.pos | 现煮的面条{A}香 | 早餐品种丰富，味道也{A}好 | 晚餐的海鲜{A}新鲜 | 下午茶{A}精致
food.pos | 早餐{A}不错 | 餐厅的粤菜{A}好吃
food.neu | 早餐一般 | 早餐种类不多，但够吃 | 早餐中规中矩 | 早餐还行，没什么特色 | 餐厅味道一般
food.neu | 早餐可以，就是人有点多
food.neg | 早餐{M}简单 | 早餐选择{S}少 | 早餐不好吃 | 早餐{S}难吃 | 餐厅的菜{S}咸
food.neg | 早餐去晚了就什么都没有了 | 餐厅价格{S}贵，味道也一般 | 咖啡{M}难喝 | 早餐的菜都是凉的
food.fail | 早餐的食物有股馊味 | 吃了餐厅的海鲜后拉肚子 | 菜里吃出了头发 | 早餐的牛奶过期了
food.fail | 客房送餐等了一个多小时还送错了
check-in.pos | 入住{A}快，几分钟就办好了 | 办理入住{A}顺利 | 提前到了也让我们提前入住，{A}贴心
check-in.pos | 退房{A}快，不用查房 | 入住手续{A}简单 | 自助入住机{A}方便 | 延迟退房也爽快地同意了
check-in.neu | 入住还算顺利 | 办理入住花了一点时间 | 入住手续正常 | 入住流程一般
check-in.neu | 办理入住排了一会儿队
check-in.neg | 办理入住{S}慢 | 排队等了{T}才办好入住 | 入住手续{S}繁琐
check-in.neg | 不让提前入住，只能在大堂干等
check-in.neg | 退房查房{S}慢 | 前台只有一个人，效率{S}低
check-in.fail | 预订记录找不到了，折腾了{T} | 明明订好了房，到了却说没房了 | 押金一直没退回来
check-in.fail | 退房时被多收了费用 | 到了说房间还没打扫好，又等了{T}
noise.pos | 隔音{A}好，晚上{A}安静 | 房间{A}安静，睡得{A}香 | 完全听不到外面的声音 | 环境{A}安静
noise.pos | 晚上{A}安静，适合休息
noise.pos@city | 虽然在市中心，但一点都不吵
noise.pos@airport | 就在机场旁边，却听不到飞机的声音
noise.neu | 隔音一般 | 隔音还行，偶尔能听到走廊的声音 | 晚上稍微有点吵，但能接受 | 噪音还可以
noise.neg | 隔音{S}差 | 晚上{S}吵，根本睡不着 | 能听到隔壁说话 | 早上被施工的声音吵醒
noise.neg | 空调声音{S}大 | 走廊里一直有人大声说话
noise.neg@city | 楼下酒吧{S}吵 | 楼下马路{S}吵
noise.neg@airport | 飞机的声音{M}大 | 飞机起降的声音{S}吵
noise.fail | 半夜隔壁吵闹，打给前台也没人管 | 凌晨还在装修，投诉了也没用
location.pos | 交通{A}方便 | 周边吃的{A}多 | 位置{A}好找
location.pos@city | 位置{A}好，出门就是地铁 | 去会展中心{A}方便 | 地段{A}好，逛街{A}方便
location.pos@resort | 离海滩{A}近，走几步就到 | 出门就是沙滩，{A}方便
location.pos@airport | 离机场{A}近，赶早班机{A}方便 | 有免费接驳车去机场，{A}方便
location.pos@town | 走路就能到古城，{A}方便 | 就在老街边上，位置{A}好
location.neu | 位置还可以 | 位置一般，打车方便 | 位置不算好也不算差 | 离地铁有点距离，但还行
location.neg | 位置{M}偏 | 位置{S}偏，打车都难 | 周边什么都没有 | 离地铁{S}远 | 不好找，导航都找错了
location.neg | 附近吃饭不方便
value.pos | 性价比{A}高 | 价格{A}实惠 | 这个价格能住到这样的酒店，{A}值 | 物超所值
value.pos | 价格合理，{A}划算
value.pos | 会员价{A}优惠
value.neu | 性价比一般 | 价格中规中矩 | 价格不便宜，但也说得过去 | 性价比还行
value.neg | 性价比{S}低 | 价格{S}贵，不值这个价 | 这个价格不值 | 价格偏高，体验一般
value.neg | 节假日价格翻倍，{S}坑 | 各种额外收费{M}多
wifi.pos | {W}{A}快 | {W}信号{A}好，开视频会议也不卡 | 网速{A}快 | 网络{A}稳定，办公{A}方便
wifi.pos | {W}连上就能用，{A}方便
wifi.neu | {W}一般 | 网速还行 | 网络信号一般般 | {W}偶尔会断，但能用
wifi.neg | {W}{S}慢 | 网速{S}慢，视频会议都卡 | {W}信号{M}差 | 房间里网络{M}不稳定
wifi.neg | {W}老是断线 | 网络{S}差，工作都没法做
wifi.fail | {W}整整两天都连不上 | 网络完全不能用，耽误了工作
pool_spa.pos | 泳池{A}漂亮 | SPA{A}舒服，技师手法{A}好 | 泳池水{A}干净 | 健身房和泳池都{A}不错
pool_spa.pos | 孩子在泳池玩得{A}开心 | 按摩{A}放松
pool_spa.pos@resort | 无边泳池{A}美，拍照{A}出片
pool_spa.neu | 泳池一般 | 泳池不大，但够用 | SPA中规中矩 | 泳池人有点多 | 健身房设备一般
pool_spa.neg | 泳池{M}小 | 泳池水{M}浑 | 泳池人{S}多，根本没法游 | SPA{S}贵 | 泳池开放时间{S}短
pool_spa.neg | 泳池边的躺椅{S}少
pool_spa.fail | 泳池维修关闭了，预订时也没说 | 泳池水里漂着头发和虫子
food.fail | 客房送餐的菜里有一只苍蝇
check-in.neu | 入住要等一会儿，还算正常 | 前台办理速度一般 | 退房手续还行
check-in.fail | 预订的房型被临时取消了
noise.neu | 晚上偶尔有车声，影响不大 | 安静程度一般 | 有一点噪音，不算太吵
noise.fail | 楼上半夜一直在拖东西，前台说管不了
location.neu | 位置中规中矩 | 交通还算方便 | 离景点有点远，打车也就十几分钟
value.neu | 价格还算合理 | 这个价位就这样吧 | 价格和体验差不多对得上
wifi.pos | {W}覆盖{A}好，哪里都有信号 | 网速{A}快，下载东西{A}快
wifi.neu | {W}凑合能用 | 网速不算快，看视频够了 | {W}要每天重新登录，有点麻烦
wifi.fail | {W}密码给错了，前台也不知道正确的
pool_spa.neu | 健身房不大，器材够用 | SPA价格中等，体验一般
pool_spa.fail | 预约好的SPA到了却说没有技师
open.pos | 这次入住{A}满意！| 第二次入住了， | 整体体验{A}好。| 好评！| 总的来说{A}不错，
open.pos | 超出预期！| 住得{A}开心。| 一次{A}愉快的入住。
open.neu | 总体还行。| 住了{N}晚， | 说说感受吧， | 整体一般般。| 中规中矩的一次入住，
open.neg | 非常失望的一次入住。| 说实话{M}失望， | 踩雷了！| 体验{S}差。| 不推荐这家，
open.neg | 入住体验{S}糟糕。
open.any@business | 出差住了{N}晚， | 来开会住这里， | 公司协议酒店， | 经常出差住这家，
open.any@leisure | 带孩子来玩， | 和家人来度假， | 周末来放松一下， | 和朋友一起来旅游，
open.any@leisure | 带爸妈出来玩，
open.any@airport | 转机住了一晚， | 赶早班机住的，
close.5 | 下次还会再来！| 强烈推荐！| 五星好评！| 推荐给大家。| 还会回购的～ | 必须好评。
close.5 | 下次来还住这家。| 超级推荐！
close.4 | 总体满意，会考虑再来。| 推荐入住。| 值得推荐。| 还会再来的。| 整体不错。
close.4 | 总体来说值得。
close.3 | 中规中矩吧。| 可以考虑。| 一般般，看价格吧。| 还行吧。| 凑合住一晚可以。
close.2 | 不太推荐。| 不会再来了。| 希望酒店改进。| 有点失望。| 不太值得。
close.1 | 不会再来了！| 不推荐！| 避雷！| 千万别来。| 差评！| 再也不会住了。
conn.same | 而且 | 另外 | 还有 | 同时
conn.to_pos | 但是 | 不过 | 好在 | 还好
conn.to_neg | 但是 | 不过 | 可惜 | 就是 | 只是
conn.to_neu | 不过 | 就是 | 只是 | 但是
aggr | ，跟前台反映后也没人管 | ，投诉后也没有任何补偿 | ，前台只说没办法
aggr | ，找了经理也没解决 | ，等了{T}都没人处理
recov | ，不过经理马上道歉并做了补偿 | ，好在酒店处理得很及时 | ，酒店道歉后还送了早餐券
recov | ，事后酒店主动道歉并退了一晚房费 | ，还好值班经理亲自来处理了
emoji.pos | 👍 | 😊 | 😄 | ❤️ | 🌟 | 👏
emoji.neu | 🙂 | 😐
emoji.neg | 😡 | 😞 | 👎 | 😤
"""

EN = """
room.pos | the room was {A} spacious | the bed was {A} comfortable and I slept like a baby
room.pos | the room looked brand new | the view from our room was {A} stunning
room.pos | the bathroom was huge with great water pressure | the pillows were {A} comfy
room.pos | we got a free upgrade, which was {A} nice | the room had everything we needed
room.pos | the room was {A} cozy and well designed | the blackout curtains worked {A} well
room.pos@resort | our balcony faced the sea, {A} beautiful | the sea view room was worth it
room.neu | the room was okay | the room was small but fine for one night
room.neu | the room was nothing special | the room was a bit dated but acceptable
room.neu | the room looked like the photos, no more | the bed was fine, the pillows a bit soft
room.neu | the room wasn't bad | the room was average
room.neg | the room was {M} small | the room was {S} small, we couldn't even open our suitcase
room.neg | the room felt {M} old and tired | the bed was {S} hard and I couldn't sleep
room.neg | the room smelled {M} musty | the bathroom was tiny
room.neg | the room looked nothing like the photos | the AC wasn't cooling properly
room.neg | the furniture was worn out | the pillows were {S} uncomfortable
room.fail | the AC was broken | there was no hot water in the shower | the toilet was blocked
room.fail | the door lock was broken and we were locked out at midnight
room.fail | we booked a king room and got two singles | half the lights in the room didn't work
room.fail | the shower leaked all over the floor
cleanliness.pos | the room was {A} clean | everything was spotless
cleanliness.pos | the sheets were {A} fresh and clean
cleanliness.pos | the bathroom was {A} clean | housekeeping did a {A} good job every day
cleanliness.pos | the towels were fresh and {A} white | the room was {A} tidy with no smell at all
cleanliness.pos | cleanliness was top notch
cleanliness.neu | cleanliness was okay | the room was clean enough
cleanliness.neu | the bathroom was reasonably clean
cleanliness.neu | cleaning was average, a bit of dust in the corners | cleanliness was acceptable
cleanliness.neu | housekeeping was hit and miss
cleanliness.neg | the room wasn't very clean | the room was {M} dirty | the carpet was {S} stained
cleanliness.neg | the bathroom wasn't clean and smelled | cleaning wasn't thorough at all
cleanliness.neg | the room smelled {M} off | there was dust everywhere
cleanliness.neg | the shower drain was {S} dirty
cleanliness.fail | there were hairs and stains on the sheets
cleanliness.fail | we found someone else's hair on the pillow
cleanliness.fail | there was a cockroach in the bathroom | the bathtub had a ring of dirt
cleanliness.fail | the towels had yellow stains and had not been changed
cleanliness.fail | the previous guest's rubbish was still on the floor | we found bugs in the bed
cleanliness.fail | the glasses hadn't been washed and still had lipstick marks
cleanliness.fail | the room had not been cleaned at all when we checked in
service.pos | the front desk staff were {A} welcoming | service was {A} attentive
service.pos | the staff were {A} friendly and helpful | the concierge was {A} helpful with taxis
service.pos | the housekeeping team was {A} professional
service.pos | nothing was too much trouble for the staff
service.pos | they surprised us with a birthday cake, which was {A} sweet
service.pos | the staff went out of their way to help | service was {A} good
service.neu | service was okay | the staff were polite but not warm | service was nothing special
service.neu | the staff did their job | the front desk was a bit slow but polite | service was fine
service.neg | service was {M} cold | the staff weren't very friendly
service.neg | the staff attitude was {S} poor
service.neg | the front desk ignored us | nobody answered the phone | the staff seemed {M} impatient
service.neg | service was {S} slow | our requests were never followed up
service.fail | the front desk staff were {S} rude and argued with us | a staff member shouted at us
service.fail | the manager refused to apologise when we complained
service.fail | housekeeping walked into our room without knocking
service.fail | we waited two hours for towels that never came
service.fail | one of our bags went missing from storage
service.fail | the receptionist rolled her eyes at us
food.pos | breakfast was {A} good | the breakfast buffet had a {A} wide choice
food.pos | the dumplings at breakfast were {A} tasty | the restaurant food was {A} authentic
food.pos | the noodles were made fresh and {A} delicious | the seafood at dinner was {A} fresh
food.pos | afternoon tea was {A} lovely | breakfast was not bad at all
food.neu | breakfast was okay | breakfast was average | breakfast was fine but limited
food.neu | breakfast was basic but enough | the restaurant was decent
food.neu | breakfast was fine, just crowded
food.neg | breakfast was {M} basic | the breakfast choice was {S} limited | breakfast wasn't good
food.neg | breakfast was {S} bland | the restaurant food was {S} salty | the coffee was {S} weak
food.neg | there was nothing left at breakfast after nine
food.neg | the restaurant was overpriced and mediocre
food.fail | the breakfast food smelled off | I got food poisoning from the seafood in the restaurant
food.fail | there was a hair in my food | the milk at breakfast was out of date
food.fail | room service took over an hour and got the order wrong
check-in.pos | check-in was {A} quick | check-in was smooth | check-out took two minutes
check-in.pos | they let us check in early, which was {A} kind | the check-in process was {A} easy
check-in.pos | the self check-in kiosk was {A} handy
check-in.pos | they gave us a late check-out without any fuss
check-in.neu | check-in was fine | check-in took a little while | check-in was standard
check-in.neu | we queued a bit at check-in but it was okay | check-in was okay
check-in.neg | check-in was {S} slow | we queued {T} to check in | check-in was {S} complicated
check-in.neg | they wouldn't let us check in early, so we waited in the lobby
check-in.neg | check-out was {S} slow | only one person was working the front desk
check-in.fail | they couldn't find our booking and it took {T} to sort out
check-in.fail | we had a confirmed booking but they said they had no rooms
check-in.fail | our deposit was never refunded | we were overcharged at check-out
check-in.fail | our room wasn't ready and we waited {T}
noise.pos | the room was {A} quiet | we slept {A} well, no noise at all | soundproofing was {A} good
noise.pos | you can't hear a thing from outside | it was {A} peaceful at night
noise.pos@city | even in the city centre it was quiet
noise.pos@airport | right next to the airport yet we heard no planes
noise.neu | soundproofing was okay | a bit of corridor noise but fine
noise.neu | a little noisy at night but acceptable | noise was acceptable
noise.neg | the walls were {S} thin | it was {S} noisy at night and I couldn't sleep
noise.neg | we could hear the neighbours talking | construction work woke us up early
noise.neg | the AC was {S} loud | people kept shouting in the corridor
noise.neg@city | the bar downstairs was {S} loud | the traffic outside was {S} loud
noise.neg@airport | the planes were {M} loud | the planes taking off were {S} noisy
noise.fail | the neighbours partied all night and the front desk did nothing
noise.fail | renovation went on past midnight and our complaints were ignored
location.pos | the location was {A} convenient | lots of places to eat nearby
location.pos | the hotel was {A} easy to find
location.pos@city | the location was {A} good, right next to the metro
location.pos@city | {A} close to the convention centre | great area for shopping
location.pos@resort | the beach is a two-minute walk | you step straight out onto the sand
location.pos@airport | {A} close to the airport, perfect for an early flight
location.pos@airport | the free airport shuttle was {A} convenient
location.pos@town | {A} easy to walk to the old town | right by the old street, {A} charming
location.neu | the location was okay | the location was fine, easy to get a taxi
location.neu | the location is neither good nor bad | a bit of a walk to the metro but fine
location.neg | the location was {M} remote | the location was {S} remote, hard to get a taxi
location.neg | there was nothing around | it was {S} far from the metro
location.neg | it was hard to find, even with GPS | there weren't many places to eat nearby
value.pos | {A} good value for money | the price was {A} reasonable | great value for this price
value.pos | worth every penny | a fair price for what you get | the member rate was {A} good
value.neu | value for money was okay | the price was about right | not cheap, but acceptable
value.neu | value was average
value.neg | {S} poor value for money | {S} expensive and not worth it | not worth the price
value.neg | overpriced for what you get | prices doubled on the holiday, {S} annoying
value.neg | there were too many extra charges
wifi.pos | {W} was {A} fast | {W} was {A} stable, good for video calls
wifi.pos | the internet speed was {A} good
wifi.pos | {W} worked {A} well, easy to work from the room | {W} connected instantly
wifi.neu | {W} was okay | {W} was average | {W} dropped now and then but was usable
wifi.neg | {W} was {S} slow | {W} was {S} slow and video calls kept freezing
wifi.neg | the signal was {M} weak in the room | {W} wasn't stable | {W} kept dropping
wifi.neg | {W} was {S} bad, I couldn't work
wifi.fail | {W} didn't work for two whole days | {W} was down and I missed a work call
pool_spa.pos | the pool was {A} beautiful | the spa was {A} relaxing | the pool water was {A} clean
pool_spa.pos | the gym and pool were {A} nice | the kids loved the pool | the massage was {A} good
pool_spa.pos@resort | the infinity pool was {A} pretty, great for photos
pool_spa.neu | the pool was okay | the pool was small but fine | the spa was average
pool_spa.neu | the pool was a bit crowded | the gym was basic
pool_spa.neg | the pool was {M} small | the pool water was {M} cloudy
pool_spa.neg | the pool was {S} crowded, no room to swim | the spa was {S} overpriced
pool_spa.neg | the pool hours were {S} short | there weren't enough sun loungers
pool_spa.fail | the pool was closed for repairs and nobody told us when we booked
pool_spa.fail | there was hair and insects floating in the pool
food.fail | there was a fly in my room service order
check-in.neu | check-in was average | the front desk took its time but got there
check-in.neu | check-out was fine
check-in.fail | the room type we booked was cancelled without notice
noise.neu | some traffic noise at night, nothing major | the room was reasonably quiet
noise.neu | the hallway got a little loud in the morning
noise.fail | someone upstairs dragged furniture all night and the front desk could not help
location.neu | the location was average | the location was convenient enough
location.neu | a bit far from the sights, but taxis are cheap
value.neu | the price was fair, nothing more | you get what you pay for
value.neu | the rate was in line with the area
wifi.pos | {W} reached every corner of the room | {W} was {A} fast, downloads took seconds
wifi.neu | {W} was fine for email | {W} was usable, not fast | {W} needed a new login every day
wifi.neu | {W} was good enough for streaming
wifi.fail | they gave us the wrong wifi password and nobody knew the right one
pool_spa.neu | the gym was small but had what I needed | the spa was fairly priced, nothing special
pool_spa.fail | our spa booking was lost and no therapist was available
open.pos | Great stay! | Loved this hotel. | Second time here and still {A} happy.
open.pos | Exceeded our expectations! | Lovely hotel. | What a pleasant stay.
open.neu | Overall okay. | Stayed {N} nights. | Mixed feelings. | An average stay.
open.neu | Here is my honest review.
open.neg | {S} disappointed. | Honestly {M} disappointing. | Avoid this place.
open.neg | Terrible experience. | Not what we expected at all.
open.any@business | Stayed {N} nights for work. | Business trip, {N} nights.
open.any@business | Here for a conference.
open.any@business | Our company's usual hotel.
open.any@leisure | Family holiday here. | Came here with the kids.
open.any@leisure | Weekend getaway with my partner.
open.any@leisure | Trip with friends. | Took my parents on holiday.
open.any@airport | One night before an early flight. | Stopover night between flights.
close.5 | Will definitely come back! | Highly recommend. | Would stay again in a heartbeat.
close.5 | Five stars from me. | Can't wait to return! | Couldn't ask for more.
close.4 | Would stay again. | Recommended. | Overall a good stay. | Would recommend.
close.4 | Happy overall.
close.3 | Okay for one night. | Might come back if the price is right. | Average overall.
close.3 | Not bad, not great. | It did the job.
close.2 | Would not recommend. | Probably won't come back. | Needs improvement. | Disappointing.
close.1 | Never again. | Will not come back. | Avoid! | Stay somewhere else.
close.1 | Do not book this hotel. | Worst hotel I have stayed in.
conn.same | , and | . Also, | . Plus, | .
conn.to_pos | , but | . That said, | . On the plus side, | , though
conn.to_neg | , but | . However, | . Unfortunately, | , although | , though
conn.to_neu | , but | , though | , while | . Otherwise,
aggr | , and nobody did anything about it | ; the front desk just shrugged
aggr | , and we got no compensation | , and the manager never called back
aggr | . We waited {T} and nothing happened
recov | , but the manager apologised and made it right | , but the duty manager handled it well
recov | , but they apologised and gave us free breakfast | , but the hotel refunded one night
emoji.pos | 👍 | 😊 | 😄 | ❤️ | 🌟
emoji.neu | 🙂 | 😐
emoji.neg | 😡 | 😞 | 👎 | 😤
"""


def _parse(block: str) -> dict[str, list[tuple[str | None, str]]]:
    """Pools from a block: key -> [(tag or None, phrase), ...] in the order written."""
    pools: dict[str, list[tuple[str | None, str]]] = {}
    for line in block.strip().splitlines():
        key, *phrases = (part.strip() for part in line.split("|"))
        name, _, tag = key.partition("@")
        pools.setdefault(name, []).extend((tag or None, p) for p in phrases)
    return pools


POOLS = {"zh": _parse(ZH), "en": _parse(EN)}

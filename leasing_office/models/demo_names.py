"""Chinese names, shops and phone numbers for the generated demo quarter, free of any ORM.

Everything is drawn from a seeded ``random.Random``, so the same seed gives the same office::

    >>> import random
    >>> rng = random.Random(7)
    >>> person(rng) == person(random.Random(7))
    True
    >>> len(phone(rng, 12))
    11
"""

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋"  # one surname a character
    "唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢"
)
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "霞",
    "平",
    "刚",
    "桂英",
    "华",
    "建华",
    "玉兰",
    "志强",
    "晓东",
    "海燕",
    "红梅",
    "子涵",
    "浩然",
    "梓萱",
    "一鸣",
    "思远",
    "欣怡",
    "佳琪",
    "俊杰",
    "雨桐",
    "宇航",
]
SHOP_WORDS = [
    "鼎盛",
    "福源",
    "金桥",
    "华美",
    "新潮",
    "乐活",
    "悦享",
    "聚丰",
    "优品",
    "星光",
    "宏达",
    "佳禾",
    "瑞祥",
    "万象",
    "锦绣",
    "嘉和",
    "盛世",
    "天合",
    "百味",
    "蓝海",
    "青禾",
    "云朵",
    "初心",
    "拾光",
    "木子",
    "东方",
    "良品",
    "尚品",
    "欢乐",
    "一品",
]
# Line of business: (label, shop suffixes, usual area range in m²)
BUSINESS_TYPES = [
    ("餐饮", ("餐饮", "火锅", "茶饮", "面馆", "烘焙"), (60, 300)),
    ("服装", ("服饰", "女装", "童装", "鞋业"), (50, 200)),
    ("零售", ("超市", "便利店", "百货", "生活馆"), (40, 400)),
    ("儿童教育", ("教育", "早教中心", "美术馆", "乐园"), (120, 500)),
    ("美容美发", ("美发", "美容", "美甲"), (40, 150)),
    ("数码家电", ("数码", "电器", "手机店"), (50, 180)),
    ("健身运动", ("健身", "瑜伽馆", "运动"), (150, 600)),
    ("珠宝配饰", ("珠宝", "眼镜", "饰品"), (30, 120)),
]
CITIES = ["上海", "苏州", "杭州", "南京", "无锡", "宁波", "合肥", "常州"]
NEEDS = (
    "临街铺面，人流量大",
    "需要独立排烟",
    "希望靠近扶梯口",
    "两年租期，装修期需免租",
    "层高要求四米以上",
    "先看一楼，预算有限",
    "需要仓储空间",
    "想了解招商优惠政策",
)
PURPOSES = (
    "确认面积需求",
    "介绍最新招商政策",
    "约看铺位",
    "商谈租金",
    "催定金",
    "确认签约时间",
)
OVERFLOW_REASONS = ("顾问都在外出看铺", "客户赶时间，前台先接待", "轮值顾问正在签约")


def person(rng):
    """A Chinese full name."""
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def shop(rng):
    """(company name, line of business, (min area, max area))."""
    label, suffixes, areas = rng.choice(BUSINESS_TYPES)
    name = f"{rng.choice(CITIES)}{rng.choice(SHOP_WORDS)}{rng.choice(suffixes)}"
    return name, label, areas


def phone(rng, index):
    """A mainland mobile number, unique per ``index`` (below 100000)."""
    prefix = rng.choice(("135", "136", "138", "139", "150", "158", "186", "188"))
    return f"{prefix}{rng.randrange(10, 99)}{index:06d}"[:11]

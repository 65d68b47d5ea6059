"""Two invented documents about one place, one in Chinese and one in English, for the cross-language tests.

Written for these tests (never taken from the corpus): a Jiaozhou city
notice with a 2027 output target and an English article that later reports
the same measure, so tests can check one entity, one progress link, search
and briefs across the two languages.
"""

NOTICE = """胶州市人民政府关于加快高端数控机床产业园建设的通知

发布时间：2026年3月12日

为推动胶州市机床产业高质量发展，市政府决定在胶州湾新区建设高端数控机床产业园。到2027年，胶州市机床产业产值达到200亿元，培育规上机床企业30家以上。
"""

ARTICLE = """Jiaozhou machine tool makers grow as the new park takes shape

Published: 2026-09-01

Jiaozhou, a county-level city under Qingdao in Shandong Province, is building a park for high-end machine tools.
Jiaozhou's machine tool industry output reached 17 billion yuan in the first half of 2026.
"""

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CacheEntryText</name>
    <message numerus="yes">
        <source>(a body of %n bytes that is not shown as text)</source>
        <translation>
            <numerusform>(a body of %n byte that is not shown as text)</numerusform>
            <numerusform>(a body of %n bytes that is not shown as text)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bytes that are not a Sluice record (another version, or written by another program).</source>
        <translation>
            <numerusform>%n byte that is not a Sluice record (another version, or written by another program).</numerusform>
            <numerusform>%n bytes that are not a Sluice record (another version, or written by another program).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CacheStatusExplanation</name>
    <message numerus="yes">
        <source>Hit: served from the gateway&apos;s cache after waiting for another request&apos;s backend call, %n s left.</source>
        <translation>
            <numerusform>Hit: served from the gateway&apos;s cache after waiting for another request&apos;s backend call, %n s left.</numerusform>
            <numerusform>Hit: served from the gateway&apos;s cache after waiting for another request&apos;s backend call, %n s left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hit: served from the gateway&apos;s cache, %n s left.</source>
        <translation>
            <numerusform>Hit: served from the gateway&apos;s cache, %n s left.</numerusform>
            <numerusform>Hit: served from the gateway&apos;s cache, %n s left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gateway</name>
    <message numerus="yes">
        <source>Rate limit is exceeded. Try again in %n seconds.</source>
        <translation>
            <numerusform>Rate limit is exceeded. Try again in %n seconds.</numerusform>
            <numerusform>Rate limit is exceeded. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GatewayReload</name>
    <message numerus="yes">
        <source>reload refused: the workspace has %n error(s), the running configuration stays; first: %1</source>
        <translation>
            <numerusform>reload refused: the workspace has %n error, the running configuration stays: %1</numerusform>
            <numerusform>reload refused: the workspace has %n errors, the running configuration stays; first: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::CacheEntriesModel</name>
    <message numerus="yes">
        <source>%n entries shown, more to load</source>
        <translation>
            <numerusform>%n entry shown, more to load</numerusform>
            <numerusform>%n entries shown, more to load</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n entries.</source>
        <translation>
            <numerusform>Removed %n entry.</numerusform>
            <numerusform>Removed %n entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::DashboardModel</name>
    <message numerus="yes">
        <source>No hits in the last minute: %n lookups, all misses. Repeat a request to see a hit; if it still misses, check that cache-store runs in the outbound section.</source>
        <translation>
            <numerusform>No hits in the last minute: %n lookup, a miss. Repeat a request to see a hit; if it still misses, check that cache-store runs in the outbound section.</numerusform>
            <numerusform>No hits in the last minute: %n lookups, all misses. Repeat a request to see a hit; if it still misses, check that cache-store runs in the outbound section.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::DashboardPage</name>
    <message numerus="yes">
        <source>%1: %n keys, %2 used</source>
        <translation>
            <numerusform>%1: %n key, %2 used</numerusform>
            <numerusform>%1: %n keys, %2 used</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::RedisClient</name>
    <message numerus="yes">
        <source>No Redis master %1 (the cluster has %n master(s))</source>
        <translation>
            <numerusform>No Redis master %1 (the cluster has %n master(s))</numerusform>
            <numerusform>No Redis master %1 (the cluster has %n master(s))</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::TestConsolePage</name>
    <message numerus="yes">
        <source> time(s)</source>
        <comment>after the count of Send N times</comment>
        <translation>
            <numerusform> time</numerusform>
            <numerusform> times</numerusform>
        </translation>
    </message>
</context>
</TS>

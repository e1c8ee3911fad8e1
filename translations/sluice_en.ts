<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
    <name>sluice::RedisClient</name>
    <message numerus="yes">
        <source>No Redis master %1 (the cluster has %n master(s))</source>
        <translation>
            <numerusform>No Redis master %1 (the cluster has %n master(s))</numerusform>
            <numerusform>No Redis master %1 (the cluster has %n master(s))</numerusform>
        </translation>
    </message>
</context>
</TS>

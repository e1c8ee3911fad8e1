<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AdminCache</name>
    <message>
        <source>Unknown query parameter &apos;%1&apos;: this endpoint takes none</source>
        <translation>Unbekannter Abfrageparameter „%1“: dieser Endpunkt nimmt keine an</translation>
    </message>
    <message>
        <source>Unknown query parameter &apos;%1&apos;: this endpoint takes %2</source>
        <translation>Unbekannter Abfrageparameter „%1“: dieser Endpunkt nimmt %2 an</translation>
    </message>
    <message>
        <source>Query parameter &apos;%1&apos; has malformed percent-encoding (a &apos;%&apos; must start two hex digits)</source>
        <translation>Abfrageparameter „%1“ hat eine fehlerhafte Prozentkodierung (auf ein „%“ müssen zwei Hexadezimalziffern folgen)</translation>
    </message>
    <message>
        <source>Query parameter &apos;%1&apos; is given more than once</source>
        <translation>Abfrageparameter „%1“ ist mehr als einmal angegeben</translation>
    </message>
    <message>
        <source>Cache store &apos;%1&apos; could not answer: %2</source>
        <translation>Cache-Speicher „%1“ konnte nicht antworten: %2</translation>
    </message>
    <message>
        <source>The key is missing after /cache/entries/</source>
        <translation>Nach /cache/entries/ fehlt der Schlüssel</translation>
    </message>
    <message>
        <source>A key is one path segment: percent-encode &apos;/&apos; in a key as %2F</source>
        <translation>Ein Schlüssel ist ein Pfadsegment: kodieren Sie „/“ in einem Schlüssel als %2F</translation>
    </message>
    <message>
        <source>The key has malformed percent-encoding (a &apos;%&apos; must start two hex digits)</source>
        <translation>Der Schlüssel hat eine fehlerhafte Prozentkodierung (auf ein „%“ müssen zwei Hexadezimalziffern folgen)</translation>
    </message>
    <message>
        <source>Cache store &apos;%1&apos; not found</source>
        <translation>Cache-Speicher „%1“ nicht gefunden</translation>
    </message>
    <message>
        <source>Query parameter &apos;limit&apos; must be a whole number from 1 to %1</source>
        <translation>Abfrageparameter „limit“ muss eine ganze Zahl von 1 bis %1 sein</translation>
    </message>
    <message>
        <source>Cache entry not found</source>
        <translation>Cache-Eintrag nicht gefunden</translation>
    </message>
    <message>
        <source>The body is not JSON: %1 at offset %2</source>
        <translation>Der Rumpf ist kein JSON: %1 bei Position %2</translation>
    </message>
    <message>
        <source>The body must be a JSON array of {&quot;key&quot;, &quot;value&quot;, &quot;duration&quot;} objects</source>
        <translation>Der Rumpf muss ein JSON-Array aus {&quot;key&quot;, &quot;value&quot;, &quot;duration&quot;}-Objekten sein</translation>
    </message>
    <message>
        <source>%1: an object is expected</source>
        <translation>%1: ein Objekt wird erwartet</translation>
    </message>
    <message>
        <source>%1.%2: unknown field</source>
        <translation>%1.%2: unbekanntes Feld</translation>
    </message>
    <message>
        <source>%1.key: a non-empty string is required</source>
        <translation>%1.key: eine nicht leere Zeichenkette ist erforderlich</translation>
    </message>
    <message>
        <source>%1.duration: whole seconds of at least 1 are required</source>
        <translation>%1.duration: ganze Sekunden, mindestens 1, sind erforderlich</translation>
    </message>
    <message>
        <source>%1.value: required</source>
        <translation>%1.value: erforderlich</translation>
    </message>
    <message>
        <source>%1.value: cannot be stored</source>
        <translation>%1.value: kann nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>Cache</name>
    <message>
        <source>unexpected SCAN reply</source>
        <translation>unerwartete Antwort auf SCAN</translation>
    </message>
    <message>
        <source>the time to live must be positive</source>
        <translation>die Lebensdauer muss positiv sein</translation>
    </message>
    <message>
        <source>the value (%1 bytes) is larger than the limit of %2 bytes</source>
        <translation>der Wert (%1 Bytes) ist größer als die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>external cache &apos;%1&apos; is unreachable (%2): lookups are misses and stores are skipped until it is back</source>
        <translation>externer Cache „%1“ ist nicht erreichbar (%2): Abfragen sind Fehltreffer und Speichervorgänge werden übersprungen, bis er wieder da ist</translation>
    </message>
    <message>
        <source>external cache &apos;%1&apos; is reachable again</source>
        <translation>externer Cache „%1“ ist wieder erreichbar</translation>
    </message>
</context>
<context>
    <name>CacheEntryText</name>
    <message numerus="yes">
        <source>(a body of %n bytes that is not shown as text)</source>
        <translation>
            <numerusform>(ein Rumpf von %n Byte, der nicht als Text angezeigt wird)</numerusform>
            <numerusform>(ein Rumpf von %n Bytes, der nicht als Text angezeigt wird)</numerusform>
        </translation>
    </message>
    <message>
        <source>A value of type %1:
%2</source>
        <translation>Ein Wert vom Typ %1:
%2</translation>
    </message>
    <message>
        <source>The entry is no longer in the cache.</source>
        <translation>Der Eintrag ist nicht mehr im Cache.</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes that are not a Sluice record (another version, or written by another program).</source>
        <translation>
            <numerusform>%n Byte, die kein Sluice-Datensatz sind (eine andere Version oder von einem anderen Programm geschrieben).</numerusform>
            <numerusform>%n Bytes, die kein Sluice-Datensatz sind (eine andere Version oder von einem anderen Programm geschrieben).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CacheStatusExplanation</name>
    <message>
        <source>No Cache-Status: no cache policy ran for this request.</source>
        <translation>Kein Cache-Status: für diese Anfrage lief keine Cache-Richtlinie.</translation>
    </message>
    <message numerus="yes">
        <source>Hit: served from the gateway&apos;s cache after waiting for another request&apos;s backend call, %n s left.</source>
        <translation>
            <numerusform>Treffer: aus dem Cache des Gateways geliefert, nachdem auf den Backend-Aufruf einer anderen Anfrage gewartet wurde, noch %n s.</numerusform>
            <numerusform>Treffer: aus dem Cache des Gateways geliefert, nachdem auf den Backend-Aufruf einer anderen Anfrage gewartet wurde, noch %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hit: served from the gateway&apos;s cache after waiting for another request&apos;s backend call.</source>
        <translation>Treffer: aus dem Cache des Gateways geliefert, nachdem auf den Backend-Aufruf einer anderen Anfrage gewartet wurde.</translation>
    </message>
    <message numerus="yes">
        <source>Hit: served from the gateway&apos;s cache, %n s left.</source>
        <translation>
            <numerusform>Treffer: aus dem Cache des Gateways geliefert, noch %n s.</numerusform>
            <numerusform>Treffer: aus dem Cache des Gateways geliefert, noch %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hit: served from the gateway&apos;s cache.</source>
        <translation>Treffer: aus dem Cache des Gateways geliefert.</translation>
    </message>
    <message>
        <source>Miss: the backend answered and the response was stored.</source>
        <translation>Fehltreffer: das Backend hat geantwortet und die Antwort wurde gespeichert.</translation>
    </message>
    <message>
        <source>Miss: the backend answered; the response was not stored (status, size, or no cache-store).</source>
        <translation>Fehltreffer: das Backend hat geantwortet; die Antwort wurde nicht gespeichert (Status, Größe oder kein cache-store).</translation>
    </message>
    <message>
        <source>Bypass: caching does not apply to this method.</source>
        <translation>Umgangen: für diese Methode wird nicht zwischengespeichert.</translation>
    </message>
    <message>
        <source>Bypass: the request carries an Authorization header.</source>
        <translation>Umgangen: die Anfrage hat einen Authorization-Header.</translation>
    </message>
    <message>
        <source>Bypass: no external cache serves this gateway&apos;s location.</source>
        <translation>Umgangen: kein externer Cache bedient den Standort dieses Gateways.</translation>
    </message>
    <message>
        <source>Bypass: caching did not apply (%1).</source>
        <translation>Umgangen: Zwischenspeichern war nicht anwendbar (%1).</translation>
    </message>
    <message>
        <source>Cache-Status from another cache: %1</source>
        <translation>Cache-Status eines anderen Caches: %1</translation>
    </message>
</context>
<context>
    <name>CacheTexts</name>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Connected: PING %1, Redis %2, %3, %4</source>
        <translation>Verbunden: PING %1, Redis %2, %3, %4</translation>
    </message>
    <message>
        <source>unknown version</source>
        <translation>unbekannte Version</translation>
    </message>
    <message>
        <source>TLS on</source>
        <translation>TLS an</translation>
    </message>
    <message>
        <source>TLS off</source>
        <translation>TLS aus</translation>
    </message>
    <message>
        <source>cluster mode</source>
        <translation>Cluster-Modus</translation>
    </message>
    <message>
        <source>single node</source>
        <translation>einzelner Knoten</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 (at character %2)</source>
        <translation>%1 (bei Zeichen %2)</translation>
    </message>
</context>
<context>
    <name>Checker</name>
    <message>
        <source>a local variable named &apos;%1&apos; is already defined in this scope</source>
        <translation>eine lokale Variable namens „%1“ ist in diesem Bereich bereits definiert</translation>
    </message>
    <message>
        <source>the type or namespace name &apos;%1&apos; could not be found</source>
        <translation>der Typ- oder Namespacename „%1“ wurde nicht gefunden</translation>
    </message>
    <message>
        <source>cannot implicitly convert type &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>der Typ „%1“ kann nicht implizit in „%2“ konvertiert werden</translation>
    </message>
    <message>
        <source>the expression has no value</source>
        <translation>der Ausdruck hat keinen Wert</translation>
    </message>
    <message>
        <source>not all code paths return a value: the block needs a &apos;return&apos;</source>
        <translation>nicht alle Codepfade geben einen Wert zurück: der Block braucht ein „return“</translation>
    </message>
    <message>
        <source>a local function named &apos;%1&apos; is already defined</source>
        <translation>eine lokale Funktion namens „%1“ ist bereits definiert</translation>
    </message>
    <message>
        <source>local function &apos;%1&apos; takes %2 argument(s)</source>
        <translation>die lokale Funktion „%1“ nimmt %2 Argument(e)</translation>
    </message>
    <message>
        <source>cannot implicitly convert type &apos;%1&apos; to &apos;bool&apos;</source>
        <translation>der Typ „%1“ kann nicht implizit in „bool“ konvertiert werden</translation>
    </message>
    <message>
        <source>no enclosing loop out of which to break or continue</source>
        <translation>keine umschließende Schleife, aus der mit break oder continue gesprungen werden kann</translation>
    </message>
    <message>
        <source>only assignment, call, increment, decrement and new object expressions can be used as a statement</source>
        <translation>nur Zuweisungs-, Aufruf-, Inkrement-, Dekrement- und new-Ausdrücke können als Anweisung verwendet werden</translation>
    </message>
    <message>
        <source>lambda expressions can only be used as method arguments</source>
        <translation>Lambda-Ausdrücke können nur als Methodenargumente verwendet werden</translation>
    </message>
    <message>
        <source>cannot assign &lt;null&gt; to an implicitly-typed variable</source>
        <translation>&lt;null&gt; kann keiner implizit typisierten Variable zugewiesen werden</translation>
    </message>
    <message>
        <source>cannot assign void to an implicitly-typed variable</source>
        <translation>void kann keiner implizit typisierten Variable zugewiesen werden</translation>
    </message>
    <message>
        <source>implicitly-typed variables must be initialized</source>
        <translation>implizit typisierte Variablen müssen initialisiert werden</translation>
    </message>
    <message>
        <source>foreach statement cannot operate on variables of type &apos;%1&apos;</source>
        <translation>die foreach-Anweisung kann nicht mit Variablen vom Typ „%1“ verwendet werden</translation>
    </message>
    <message>
        <source>a void local function cannot return a value</source>
        <translation>eine lokale void-Funktion kann keinen Wert zurückgeben</translation>
    </message>
    <message>
        <source>the local function must return a value</source>
        <translation>die lokale Funktion muss einen Wert zurückgeben</translation>
    </message>
    <message>
        <source>a policy expression block must return a value</source>
        <translation>ein Richtlinienausdrucksblock muss einen Wert zurückgeben</translation>
    </message>
    <message>
        <source>cannot return a void value</source>
        <translation>ein void-Wert kann nicht zurückgegeben werden</translation>
    </message>
    <message>
        <source>the type thrown must derive from &apos;Exception&apos;</source>
        <translation>der ausgelöste Typ muss von „Exception“ abgeleitet sein</translation>
    </message>
    <message>
        <source>the type caught must derive from &apos;Exception&apos;</source>
        <translation>der abgefangene Typ muss von „Exception“ abgeleitet sein</translation>
    </message>
    <message>
        <source>&apos;typeof&apos; is not supported in policy expressions</source>
        <translation>„typeof“ wird in Richtlinienausdrücken nicht unterstützt</translation>
    </message>
    <message>
        <source>cannot use a void value in an interpolated string</source>
        <translation>ein void-Wert kann nicht in einer interpolierten Zeichenkette verwendet werden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a type, which is not valid in the given context</source>
        <translation>„%1“ ist ein Typ, der im angegebenen Kontext nicht gültig ist</translation>
    </message>
    <message>
        <source>&apos;out&apos; is only valid on a method argument</source>
        <translation>„out“ ist nur bei einem Methodenargument gültig</translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; does not exist in the current context</source>
        <translation>der Name „%1“ ist im aktuellen Kontext nicht vorhanden</translation>
    </message>
    <message>
        <source>the type or namespace name &apos;%1&apos; does not exist in the namespace &apos;%2&apos;</source>
        <translation>der Typ- oder Namespacename „%1“ ist im Namespace „%2“ nicht vorhanden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no member &apos;%2&apos;</source>
        <translation>„%1“ hat kein Mitglied „%2“</translation>
    </message>
    <message>
        <source>&apos;%1.%2&apos; is a method: call it with ()</source>
        <translation>„%1.%2“ ist eine Methode: rufen Sie sie mit () auf</translation>
    </message>
    <message>
        <source>an object reference is required for the non-static member &apos;%1.%2&apos;</source>
        <translation>für das nicht statische Mitglied „%1.%2“ ist ein Objektverweis erforderlich</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a method</source>
        <translation>„%1“ ist keine Methode</translation>
    </message>
    <message>
        <source>this expression cannot be called</source>
        <translation>dieser Ausdruck kann nicht aufgerufen werden</translation>
    </message>
    <message>
        <source>&apos;%1.%2&apos; is not a method and cannot be called</source>
        <translation>„%1.%2“ ist keine Methode und kann nicht aufgerufen werden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes one type argument</source>
        <translation>„%1“ nimmt ein Typargument</translation>
    </message>
    <message>
        <source>cannot apply indexing with [] to a type</source>
        <translation>Indizierung mit [] kann nicht auf einen Typ angewendet werden</translation>
    </message>
    <message>
        <source>cannot apply indexing with [] to an expression of type &apos;%1&apos;</source>
        <translation>Indizierung mit [] kann nicht auf einen Ausdruck vom Typ „%1“ angewendet werden</translation>
    </message>
    <message>
        <source>the lambda takes %1 parameter(s) here</source>
        <translation>das Lambda nimmt hier %1 Parameter</translation>
    </message>
    <message>
        <source>%1 is not generic</source>
        <translation>%1 ist nicht generisch</translation>
    </message>
    <message>
        <source>no overload of %1 takes the arguments (%2)</source>
        <translation>keine Überladung von %1 nimmt die Argumente (%2)</translation>
    </message>
    <message>
        <source>cannot convert lambda expression: its result must be &apos;bool&apos;, not &apos;%1&apos;</source>
        <translation>der Lambda-Ausdruck kann nicht konvertiert werden: sein Ergebnis muss „bool“ sein, nicht „%1“</translation>
    </message>
    <message>
        <source>the lambda must return a value</source>
        <translation>das Lambda muss einen Wert zurückgeben</translation>
    </message>
    <message>
        <source>cannot convert &apos;out %1&apos; to &apos;out %2&apos;</source>
        <translation>„out %1“ kann nicht in „out %2“ konvertiert werden</translation>
    </message>
    <message>
        <source>cannot infer the result type of &apos;%1&apos;</source>
        <translation>der Ergebnistyp von „%1“ kann nicht abgeleitet werden</translation>
    </message>
    <message>
        <source>operator cannot be applied to an operand of type &apos;%1&apos;</source>
        <translation>der Operator kann nicht auf einen Operanden vom Typ „%1“ angewendet werden</translation>
    </message>
    <message>
        <source>operator cannot be applied to operands of type &apos;%1&apos; and &apos;%2&apos;</source>
        <translation>der Operator kann nicht auf Operanden vom Typ „%1“ und „%2“ angewendet werden</translation>
    </message>
    <message>
        <source>compound assignment to an indexer is not supported</source>
        <translation>eine Verbundzuweisung an einen Indexer wird nicht unterstützt</translation>
    </message>
    <message>
        <source>the indexer of &apos;%1&apos; is read only</source>
        <translation>der Indexer von „%1“ ist schreibgeschützt</translation>
    </message>
    <message>
        <source>property &apos;%1.%2&apos; cannot be assigned to</source>
        <translation>der Eigenschaft „%1.%2“ kann nichts zugewiesen werden</translation>
    </message>
    <message>
        <source>the left-hand side of an assignment must be a variable</source>
        <translation>die linke Seite einer Zuweisung muss eine Variable sein</translation>
    </message>
    <message>
        <source>the operand of an increment or decrement operator must be a variable</source>
        <translation>der Operand eines Inkrement- oder Dekrementoperators muss eine Variable sein</translation>
    </message>
    <message>
        <source>type of conditional expression cannot be determined because there is no implicit conversion between &apos;%1&apos; and &apos;%2&apos;</source>
        <translation>der Typ des bedingten Ausdrucks kann nicht bestimmt werden, da es keine implizite Konvertierung zwischen „%1“ und „%2“ gibt</translation>
    </message>
    <message>
        <source>cannot convert type &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>der Typ „%1“ kann nicht in „%2“ konvertiert werden</translation>
    </message>
    <message>
        <source>the &apos;as&apos; operator must be used with a reference type (&apos;%1&apos; is a value type)</source>
        <translation>der Operator „as“ muss mit einem Verweistyp verwendet werden („%1“ ist ein Werttyp)</translation>
    </message>
    <message>
        <source>cannot create an instance of &apos;%1&apos;</source>
        <translation>es kann keine Instanz von „%1“ erstellt werden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no settable member &apos;%2&apos;</source>
        <translation>„%1“ hat kein festlegbares Mitglied „%2“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no Add method for a collection initializer</source>
        <translation>„%1“ hat keine Add-Methode für einen Auflistungsinitialisierer</translation>
    </message>
    <message>
        <source>an array size must be an int</source>
        <translation>eine Arraygröße muss ein int sein</translation>
    </message>
    <message>
        <source>no best type found for implicitly-typed array</source>
        <translation>kein bester Typ für das implizit typisierte Array gefunden</translation>
    </message>
    <message>
        <source>cannot assign void to an anonymous type property</source>
        <translation>void kann keiner Eigenschaft eines anonymen Typs zugewiesen werden</translation>
    </message>
</context>
<context>
    <name>DotNet</name>
    <message>
        <source>The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.</source>
        <translation>Die Eingabe ist keine gültige Base64-Zeichenfolge, da sie ein Nicht-Base64-Zeichen, mehr als zwei Auffüllzeichen oder ein ungültiges Zeichen zwischen den Auffüllzeichen enthält.</translation>
    </message>
    <message>
        <source>Invalid Base. (Parameter &apos;fromBase&apos;)</source>
        <translation>Ungültige Basis. (Parameter &apos;fromBase&apos;)</translation>
    </message>
    <message>
        <source>Index was out of range. Must be non-negative and less than the size of the collection. (Parameter &apos;startIndex&apos;)</source>
        <translation>Der Index lag außerhalb des Bereichs. Er darf nicht negativ und kleiner als die Sammlung sein. (Parameter &apos;startIndex&apos;)</translation>
    </message>
    <message>
        <source>Could not find any recognizable digits.</source>
        <translation>Es wurden keine erkennbaren Ziffern gefunden.</translation>
    </message>
    <message>
        <source>Value was either too large or too small for a UInt32.</source>
        <translation>Der Wert war für einen UInt32 zu groß oder zu klein.</translation>
    </message>
    <message>
        <source>Value was either too large or too small for an Int64.</source>
        <translation>Der Wert war für einen Int64 zu groß oder zu klein.</translation>
    </message>
    <message>
        <source>Value was either too large or too small for an Int32.</source>
        <translation>Der Wert war für einen Int32 zu groß oder zu klein.</translation>
    </message>
    <message>
        <source>Invalid Base. (Parameter &apos;toBase&apos;)</source>
        <translation>Ungültige Basis. (Parameter &apos;toBase&apos;)</translation>
    </message>
    <message>
        <source>The input is not a valid hex string as its length is not a multiple of 2.</source>
        <translation>Die Eingabe ist keine gültige Hexadezimalzeichenfolge, da ihre Länge kein Vielfaches von 2 ist.</translation>
    </message>
    <message>
        <source>The input is not a valid hex string as it contains a non-hex character.</source>
        <translation>Die Eingabe ist keine gültige Hexadezimalzeichenfolge, da sie ein Nicht-Hexadezimalzeichen enthält.</translation>
    </message>
    <message>
        <source>Cannot find a matching quote character for the character &apos;%1&apos;.</source>
        <translation>Für das Zeichen „%1“ wurde kein passendes Anführungszeichen gefunden.</translation>
    </message>
    <message>
        <source>The added or subtracted value results in an un-representable DateTime. (Parameter &apos;%1&apos;)</source>
        <translation>Der addierte oder subtrahierte Wert ergibt ein nicht darstellbares DateTime. (Parameter &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>Year, Month, and Day parameters describe an un-representable DateTime.</source>
        <translation>Die Parameter für Jahr, Monat und Tag beschreiben ein nicht darstellbares DateTime.</translation>
    </message>
    <message>
        <source>Hour, Minute, and Second parameters describe an un-representable DateTime.</source>
        <translation>Die Parameter für Stunde, Minute und Sekunde beschreiben ein nicht darstellbares DateTime.</translation>
    </message>
    <message>
        <source>Valid values are between 0 and 999, inclusive. (Parameter &apos;millisecond&apos;)</source>
        <translation>Gültige Werte liegen zwischen 0 und 999 (einschließlich). (Parameter &apos;millisecond&apos;)</translation>
    </message>
    <message>
        <source>Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks. (Parameter &apos;ticks&apos;)</source>
        <translation>Ticks müssen zwischen DateTime.MinValue.Ticks und DateTime.MaxValue.Ticks liegen. (Parameter &apos;ticks&apos;)</translation>
    </message>
    <message>
        <source>Value to add was out of range. (Parameter &apos;value&apos;)</source>
        <translation>Der hinzuzufügende Wert lag außerhalb des Bereichs. (Parameter &apos;value&apos;)</translation>
    </message>
    <message>
        <source>Months value must be between +/-120000. (Parameter &apos;months&apos;)</source>
        <translation>Der Monatswert muss zwischen +/-120000 liegen. (Parameter &apos;months&apos;)</translation>
    </message>
    <message>
        <source>Years value must be between +/-10000. (Parameter &apos;years&apos;)</source>
        <translation>Der Jahreswert muss zwischen +/-10000 liegen. (Parameter &apos;years&apos;)</translation>
    </message>
    <message>
        <source>String &apos;%1&apos; was not recognized as a valid DateTime.</source>
        <translation>Die Zeichenfolge „%1“ wurde nicht als gültiges DateTime erkannt.</translation>
    </message>
    <message>
        <source>Format specifier was invalid.</source>
        <translation>Der Formatbezeichner war ungültig.</translation>
    </message>
    <message>
        <source>Offset must be specified in whole minutes. (Parameter &apos;offset&apos;)</source>
        <translation>Der Offset muss in ganzen Minuten angegeben werden. (Parameter &apos;offset&apos;)</translation>
    </message>
    <message>
        <source>Offset must be within plus or minus 14 hours. (Parameter &apos;offset&apos;)</source>
        <translation>Der Offset muss innerhalb von plus oder minus 14 Stunden liegen. (Parameter &apos;offset&apos;)</translation>
    </message>
    <message>
        <source>The UTC Offset for Utc DateTime instances must be 0. (Parameter &apos;offset&apos;)</source>
        <translation>Der UTC-Offset für DateTime-Instanzen in UTC muss 0 sein. (Parameter &apos;offset&apos;)</translation>
    </message>
    <message>
        <source>The UTC Offset of the local dateTime parameter does not match the offset argument. (Parameter &apos;offset&apos;)</source>
        <translation>Der UTC-Offset des lokalen dateTime-Parameters stimmt nicht mit dem offset-Argument überein. (Parameter &apos;offset&apos;)</translation>
    </message>
    <message>
        <source>Valid values are between -62135596800 and 253402300799, inclusive. (Parameter &apos;seconds&apos;)</source>
        <translation>Gültige Werte liegen zwischen -62135596800 und 253402300799 (einschließlich). (Parameter &apos;seconds&apos;)</translation>
    </message>
    <message>
        <source>Valid values are between -62135596800000 and 253402300799999, inclusive. (Parameter &apos;milliseconds&apos;)</source>
        <translation>Gültige Werte liegen zwischen -62135596800000 und 253402300799999 (einschließlich). (Parameter &apos;milliseconds&apos;)</translation>
    </message>
    <message>
        <source>Value cannot be null. (Parameter &apos;%1&apos;)</source>
        <translation>Der Wert darf nicht NULL sein. (Parameter &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>Input string was not in a correct format.</source>
        <translation>Die Eingabezeichenfolge hat das falsche Format.</translation>
    </message>
    <message>
        <source>Index (zero based) must be greater than or equal to zero and less than the size of the argument list.</source>
        <translation>Der Index (nullbasiert) muss größer als oder gleich null sein und kleiner als die Größe der Argumentliste.</translation>
    </message>
    <message>
        <source>Value was either too large or too small for an %1.</source>
        <translation>Der Wert war für einen %1 zu groß oder zu klein.</translation>
    </message>
    <message>
        <source>String &apos;%1&apos; was not recognized as a valid Boolean.</source>
        <translation>Die Zeichenfolge „%1“ wurde nicht als gültiger Boolean erkannt.</translation>
    </message>
    <message>
        <source>RegexOptions.RightToLeft is not supported by this gateway.</source>
        <translation>RegexOptions.RightToLeft wird von diesem Gateway nicht unterstützt.</translation>
    </message>
    <message>
        <source>Invalid pattern &apos;%1&apos; at offset %2. %3</source>
        <translation>Ungültiges Muster „%1“ bei Position %2. %3</translation>
    </message>
    <message>
        <source>Invalid pattern &apos;%1&apos; at offset %2. Illegal \\ at end of pattern.</source>
        <translation>Ungültiges Muster „%1“ bei Position %2. Unzulässiges \\ am Ende des Musters.</translation>
    </message>
    <message>
        <source>Invalid pattern &apos;%1&apos; at offset %2. Insufficient hex digits.</source>
        <translation>Ungültiges Muster „%1“ bei Position %2. Zu wenige Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>The regular expression construct %1 at offset %2 of &apos;%3&apos; is not supported by this gateway.</source>
        <translation>Das Konstrukt %1 des regulären Ausdrucks bei Position %2 von „%3“ wird von diesem Gateway nicht unterstützt.</translation>
    </message>
    <message>
        <source>Illegal \\ at end of pattern.</source>
        <translation>Unzulässiges \\ am Ende des Musters.</translation>
    </message>
    <message>
        <source>Malformed \\k&lt;...&gt; named back reference.</source>
        <translation>Falsch formatierter benannter Rückverweis \\k&lt;...&gt;.</translation>
    </message>
    <message>
        <source>Insufficient hex digits.</source>
        <translation>Zu wenige Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>Incomplete \\p{X} character escape.</source>
        <translation>Unvollständiges Escapezeichen \\p{X}.</translation>
    </message>
    <message>
        <source>Missing control character.</source>
        <translation>Fehlendes Steuerzeichen.</translation>
    </message>
    <message>
        <source>Unrecognized escape sequence \\%1.</source>
        <translation>Unbekannte Escapesequenz \\%1.</translation>
    </message>
    <message>
        <source>Unterminated [] set.</source>
        <translation>Nicht abgeschlossene []-Menge.</translation>
    </message>
    <message>
        <source>Unrecognized grouping construct.</source>
        <translation>Unbekanntes Gruppierungskonstrukt.</translation>
    </message>
    <message>
        <source>Unterminated (?#...) comment.</source>
        <translation>Nicht abgeschlossener (?#...)-Kommentar.</translation>
    </message>
    <message>
        <source>Invalid group name: Group names must begin with a word character.</source>
        <translation>Ungültiger Gruppenname: Gruppennamen müssen mit einem Wortzeichen beginnen.</translation>
    </message>
    <message>
        <source>Capture number cannot be zero.</source>
        <translation>Die Erfassungsnummer darf nicht null sein.</translation>
    </message>
    <message>
        <source>Nested quantifier &apos;%1&apos;.</source>
        <translation>Geschachtelter Quantifizierer „%1“.</translation>
    </message>
    <message>
        <source>Quantifier &apos;%1&apos; following nothing.</source>
        <translation>Quantifizierer „%1“ folgt auf nichts.</translation>
    </message>
    <message>
        <source>Too many )&apos;s.</source>
        <translation>Zu viele )-Zeichen.</translation>
    </message>
    <message>
        <source>Not enough )&apos;s.</source>
        <translation>Zu wenige )-Zeichen.</translation>
    </message>
    <message>
        <source>Reference to undefined group number %1.</source>
        <translation>Verweis auf die nicht definierte Gruppennummer %1.</translation>
    </message>
    <message>
        <source>Reference to undefined group name &apos;%1&apos;.</source>
        <translation>Verweis auf den nicht definierten Gruppennamen „%1“.</translation>
    </message>
    <message>
        <source>TimeSpan overflowed because the duration is too long.</source>
        <translation>Überlauf bei TimeSpan, da die Dauer zu lang ist.</translation>
    </message>
    <message>
        <source>TimeSpan does not accept floating point Not-a-Number values.</source>
        <translation>TimeSpan akzeptiert keine NaN-Gleitkommawerte.</translation>
    </message>
    <message>
        <source>String &apos;%1&apos; was not recognized as a valid TimeSpan.</source>
        <translation>Die Zeichenfolge „%1“ wurde nicht als gültige TimeSpan erkannt.</translation>
    </message>
    <message>
        <source>Negating the minimum value of a twos complement number is invalid.</source>
        <translation>Die Negation des Minimalwerts einer Zweierkomplementzahl ist ungültig.</translation>
    </message>
    <message>
        <source>The duration cannot be returned for TimeSpan.MinValue because the absolute value of TimeSpan.MinValue exceeds the value of TimeSpan.MaxValue.</source>
        <translation>Die Dauer kann für TimeSpan.MinValue nicht zurückgegeben werden, da der Absolutwert von TimeSpan.MinValue den Wert von TimeSpan.MaxValue überschreitet.</translation>
    </message>
    <message>
        <source>The TimeSpan string &apos;%1&apos; could not be parsed because at least one of the numeric components is out of range or contains too many digits.</source>
        <translation>Die TimeSpan-Zeichenfolge „%1“ konnte nicht analysiert werden, da mindestens eine der numerischen Komponenten außerhalb des Bereichs liegt oder zu viele Ziffern enthält.</translation>
    </message>
    <message>
        <source>This operation is not supported for a relative URI.</source>
        <translation>Dieser Vorgang wird für einen relativen URI nicht unterstützt.</translation>
    </message>
    <message>
        <source>Additional text encountered after finished reading JSON content: %1.</source>
        <translation>Nach dem Lesen des JSON-Inhalts wurde weiterer Text gefunden: %1.</translation>
    </message>
    <message>
        <source>Error reading %1 from JsonReader. Path &apos;&apos;, line 0, position 0.</source>
        <translation>Fehler beim Lesen von %1 aus JsonReader. Pfad &apos;&apos;, Zeile 0, Position 0.</translation>
    </message>
    <message>
        <source>%1 Path &apos;%2&apos;, line %3, position %4.</source>
        <translation>%1 Pfad „%2“, Zeile %3, Position %4.</translation>
    </message>
    <message>
        <source>Unexpected end while parsing comment.</source>
        <translation>Unerwartetes Ende beim Analysieren eines Kommentars.</translation>
    </message>
    <message>
        <source>Unexpected end when reading JSON.</source>
        <translation>Unerwartetes Ende beim Lesen von JSON.</translation>
    </message>
    <message>
        <source>Unexpected character encountered while parsing value: %1.</source>
        <translation>Unerwartetes Zeichen beim Analysieren eines Werts: %1.</translation>
    </message>
    <message>
        <source>Input string &apos;%1&apos; is not a valid number.</source>
        <translation>Die Eingabezeichenfolge „%1“ ist keine gültige Zahl.</translation>
    </message>
    <message>
        <source>Invalid Unicode escape sequence: \u%1.</source>
        <translation>Ungültige Unicode-Escapesequenz: \u%1.</translation>
    </message>
    <message>
        <source>Bad JSON escape sequence: \%1.</source>
        <translation>Ungültige JSON-Escapesequenz: \%1.</translation>
    </message>
    <message>
        <source>Unterminated string. Expected delimiter: %1.</source>
        <translation>Nicht abgeschlossene Zeichenfolge. Erwartetes Trennzeichen: %1.</translation>
    </message>
    <message>
        <source>Invalid property identifier character: %1.</source>
        <translation>Ungültiges Zeichen im Eigenschaftsbezeichner: %1.</translation>
    </message>
    <message>
        <source>Unexpected end of content while loading JObject.</source>
        <translation>Unerwartetes Ende des Inhalts beim Laden von JObject.</translation>
    </message>
    <message>
        <source>Invalid character after parsing property name. Expected &apos;:&apos; but got: %1.</source>
        <translation>Ungültiges Zeichen nach dem Eigenschaftsnamen. „:“ erwartet, aber erhalten: %1.</translation>
    </message>
    <message>
        <source>After parsing a property value an unexpected character was encountered: %1.</source>
        <translation>Nach einem Eigenschaftswert wurde ein unerwartetes Zeichen gefunden: %1.</translation>
    </message>
    <message>
        <source>Unexpected end of content while loading JArray.</source>
        <translation>Unerwartetes Ende des Inhalts beim Laden von JArray.</translation>
    </message>
    <message>
        <source>After parsing a value an unexpected character was encountered: %1.</source>
        <translation>Nach einem Wert wurde ein unerwartetes Zeichen gefunden: %1.</translation>
    </message>
    <message>
        <source>Error reading JObject from JsonReader. Current JsonReader item is not an object: %1. Path &apos;&apos;, line 1, position %2.</source>
        <translation>Fehler beim Lesen von JObject aus JsonReader. Das aktuelle JsonReader-Element ist kein Objekt: %1. Pfad &apos;&apos;, Zeile 1, Position %2.</translation>
    </message>
    <message>
        <source>Error reading JArray from JsonReader. Current JsonReader item is not an array: %1. Path &apos;&apos;, line 1, position %2.</source>
        <translation>Fehler beim Lesen von JArray aus JsonReader. Das aktuelle JsonReader-Element ist kein Array: %1. Pfad &apos;&apos;, Zeile 1, Position %2.</translation>
    </message>
    <message>
        <source>Index was out of range. Must be non-negative and less than the size of the collection. (Parameter &apos;index&apos;)</source>
        <translation>Der Index lag außerhalb des Bereichs. Er darf nicht negativ und kleiner als die Sammlung sein. (Parameter &apos;index&apos;)</translation>
    </message>
    <message>
        <source>Accessed JArray values with invalid key value: &quot;%1&quot;. Int32 array index expected.</source>
        <translation>Zugriff auf JArray-Werte mit ungültigem Schlüssel: &quot;%1&quot;. Int32-Arrayindex erwartet.</translation>
    </message>
    <message>
        <source>Cannot access child value on %1.</source>
        <translation>Auf einen untergeordneten Wert von %1 kann nicht zugegriffen werden.</translation>
    </message>
    <message>
        <source>Accessed JObject values with invalid key value: %1. Object property name expected.</source>
        <translation>Zugriff auf JObject-Werte mit ungültigem Schlüssel: %1. Eigenschaftsname erwartet.</translation>
    </message>
    <message>
        <source>Set JArray values with invalid key value: &quot;%1&quot;. Int32 array index expected.</source>
        <translation>JArray-Werte mit ungültigem Schlüssel gesetzt: &quot;%1&quot;. Int32-Arrayindex erwartet.</translation>
    </message>
    <message>
        <source>Cannot set child value on %1.</source>
        <translation>Ein untergeordneter Wert von %1 kann nicht gesetzt werden.</translation>
    </message>
    <message>
        <source>Set JObject values with invalid key value: %1. Object property name expected.</source>
        <translation>JObject-Werte mit ungültigem Schlüssel gesetzt: %1. Eigenschaftsname erwartet.</translation>
    </message>
    <message>
        <source>Can not add %1 to %2.</source>
        <translation>%1 kann nicht zu %2 hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Can not add property %1 to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.</source>
        <translation>Die Eigenschaft %1 kann nicht zu Newtonsoft.Json.Linq.JObject hinzugefügt werden. Eine Eigenschaft mit demselben Namen ist im Objekt bereits vorhanden.</translation>
    </message>
    <message>
        <source>Cannot add child value to %1.</source>
        <translation>Zu %1 kann kein untergeordneter Wert hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Cannot remove child value from %1.</source>
        <translation>Aus %1 kann kein untergeordneter Wert entfernt werden.</translation>
    </message>
    <message>
        <source>The parent is missing.</source>
        <translation>Das übergeordnete Element fehlt.</translation>
    </message>
    <message>
        <source>Cannot add or remove items from %1.</source>
        <translation>Zu %1 können keine Elemente hinzugefügt oder daraus entfernt werden.</translation>
    </message>
    <message>
        <source>Can not convert %1 to %2.</source>
        <translation>%1 kann nicht in %2 konvertiert werden.</translation>
    </message>
</context>
<context>
    <name>Expression</name>
    <message>
        <source>Index was outside the bounds of the array.</source>
        <translation>Der Index war außerhalb des Arraybereichs.</translation>
    </message>
    <message>
        <source>Destination array was not long enough. Check the destination index, length, and the array&apos;s lower bounds.</source>
        <translation>Das Zielarray war nicht lang genug. Prüfen Sie den Zielindex, die Länge und die unteren Grenzen des Arrays.</translation>
    </message>
    <message>
        <source>Encrypt/Decrypt (symmetric ciphers) are not supported by this gateway</source>
        <translation>Encrypt/Decrypt (symmetrische Verschlüsselung) wird von diesem Gateway nicht unterstützt</translation>
    </message>
    <message>
        <source>An item with the same key has already been added. Key: %1</source>
        <translation>Ein Element mit dem gleichen Schlüssel wurde bereits hinzugefügt. Schlüssel: %1</translation>
    </message>
    <message>
        <source>The given key &apos;%1&apos; was not present in the dictionary.</source>
        <translation>Der angegebene Schlüssel „%1“ war nicht im Wörterbuch angegeben.</translation>
    </message>
    <message>
        <source>Body.As&lt;%1&gt;() is not supported</source>
        <translation>Body.As&lt;%1&gt;() wird nicht unterstützt</translation>
    </message>
    <message>
        <source>Value was either too large or too small for %1.</source>
        <translation>Der Wert war für %1 zu groß oder zu klein.</translation>
    </message>
    <message>
        <source>String &apos;%1&apos; was not recognized as a valid Boolean.</source>
        <translation>Die Zeichenfolge „%1“ wurde nicht als gültiger Boolean erkannt.</translation>
    </message>
    <message>
        <source>Byte array for GUID must be exactly 16 bytes long.</source>
        <translation>Das Bytearray für eine GUID muss genau 16 Bytes lang sein.</translation>
    </message>
    <message>
        <source>The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.</source>
        <translation>Die Eingabe ist keine gültige Base64-Zeichenfolge, da sie ein Nicht-Base64-Zeichen, mehr als zwei Auffüllzeichen oder ein ungültiges Zeichen zwischen den Auffüllzeichen enthält.</translation>
    </message>
    <message>
        <source>Value was either too large or too small for an unsigned byte.</source>
        <translation>Der Wert war für ein Byte ohne Vorzeichen zu groß oder zu klein.</translation>
    </message>
    <message>
        <source>Cannot access child value on %1.</source>
        <translation>Auf einen untergeordneten Wert von %1 kann nicht zugegriffen werden.</translation>
    </message>
    <message>
        <source>Accessed %1 values with invalid key value: %2.</source>
        <translation>Zugriff auf %1-Werte mit ungültigem Schlüssel: %2.</translation>
    </message>
    <message>
        <source>Error reading JObject from JsonReader. Current JsonReader item is not an object: %1.</source>
        <translation>Fehler beim Lesen von JObject aus JsonReader. Das aktuelle JsonReader-Element ist kein Objekt: %1.</translation>
    </message>
    <message>
        <source>Error reading JArray from JsonReader. Current JsonReader item is not an array: %1.</source>
        <translation>Fehler beim Lesen von JArray aus JsonReader. Das aktuelle JsonReader-Element ist kein Array: %1.</translation>
    </message>
    <message>
        <source>Value cannot be null.</source>
        <translation>Der Wert darf nicht NULL sein.</translation>
    </message>
    <message>
        <source>Can not convert %1 to %2.</source>
        <translation>%1 kann nicht in %2 konvertiert werden.</translation>
    </message>
    <message>
        <source>Can not convert Null to %1.</source>
        <translation>Null kann nicht in %1 konvertiert werden.</translation>
    </message>
    <message>
        <source>Set JToken values with invalid key value: %1.</source>
        <translation>JToken-Werte mit ungültigem Schlüssel gesetzt: %1.</translation>
    </message>
    <message>
        <source>Can not add %1 to Newtonsoft.Json.Linq.JObject.</source>
        <translation>%1 kann nicht zu Newtonsoft.Json.Linq.JObject hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Object serialized to %1. JObject instance expected.</source>
        <translation>Das Objekt wurde zu %1 serialisiert. Eine JObject-Instanz wird erwartet.</translation>
    </message>
    <message>
        <source>Can not add property %1 to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.</source>
        <translation>Die Eigenschaft %1 kann nicht zu Newtonsoft.Json.Linq.JObject hinzugefügt werden. Eine Eigenschaft mit demselben Namen ist im Objekt bereits vorhanden.</translation>
    </message>
    <message>
        <source>Sequence contains no elements</source>
        <translation>Die Sequenz enthält keine Elemente</translation>
    </message>
    <message>
        <source>Sequence contains no matching element</source>
        <translation>Die Sequenz enthält kein passendes Element</translation>
    </message>
    <message>
        <source>Arithmetic operation resulted in an overflow.</source>
        <translation>Die arithmetische Operation hat einen Überlauf verursacht.</translation>
    </message>
    <message>
        <source>Sequence contains more than one element</source>
        <translation>Die Sequenz enthält mehr als ein Element</translation>
    </message>
    <message>
        <source>Sequence contains more than one matching element</source>
        <translation>Die Sequenz enthält mehr als ein passendes Element</translation>
    </message>
    <message>
        <source>Index (zero based) must be greater than or equal to zero and less than the size of the argument list.</source>
        <translation>Der Index (nullbasiert) muss größer als oder gleich null sein und kleiner als die Größe der Argumentliste.</translation>
    </message>
    <message>
        <source>String cannot be of zero length. (Parameter &apos;oldValue&apos;)</source>
        <translation>Die Zeichenfolge darf nicht die Länge null haben. (Parameter &apos;oldValue&apos;)</translation>
    </message>
    <message>
        <source>Invalid URI: The format of the URI could not be determined.</source>
        <translation>Ungültiger URI: Das URI-Format konnte nicht bestimmt werden.</translation>
    </message>
    <message>
        <source>the expression exceeded its budget of %1 steps (a runaway loop?)</source>
        <translation>der Ausdruck hat sein Budget von %1 Schritten überschritten (eine Endlosschleife?)</translation>
    </message>
    <message>
        <source>Object reference not set to an instance of an object.</source>
        <translation>Der Objektverweis wurde nicht auf eine Objektinstanz festgelegt.</translation>
    </message>
    <message>
        <source>Unable to cast object of type &apos;%1&apos; to type &apos;%2&apos;.</source>
        <translation>Das Objekt des Typs „%1“ kann nicht in Typ „%2“ umgewandelt werden.</translation>
    </message>
    <message>
        <source>Value cannot be null. (Parameter &apos;%1&apos;)</source>
        <translation>Der Wert darf nicht NULL sein. (Parameter &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>Specified argument was out of the range of valid values. (Parameter &apos;%1&apos;)</source>
        <translation>Das angegebene Argument liegt außerhalb des gültigen Wertebereichs. (Parameter &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>Input string was not in a correct format.</source>
        <translation>Die Eingabezeichenfolge hat das falsche Format.</translation>
    </message>
    <message>
        <source>the string would exceed %1 characters</source>
        <translation>die Zeichenkette würde %1 Zeichen überschreiten</translation>
    </message>
    <message>
        <source>Attempted to divide by zero.</source>
        <translation>Es wurde versucht, durch null zu teilen.</translation>
    </message>
    <message>
        <source>unsupported operands</source>
        <translation>nicht unterstützte Operanden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a type or namespace, not a value</source>
        <translation>„%1“ ist ein Typ oder Namespace, kein Wert</translation>
    </message>
    <message>
        <source>Insufficient stack to continue executing the program safely.</source>
        <translation>Nicht genügend Stapelspeicher, um das Programm sicher weiter auszuführen.</translation>
    </message>
    <message>
        <source>the value is not enumerable</source>
        <translation>der Wert ist nicht aufzählbar</translation>
    </message>
</context>
<context>
    <name>ExpressionCheck</name>
    <message>
        <source>the expression does not end</source>
        <translation>der Ausdruck endet nicht</translation>
    </message>
    <message>
        <source>text after the end of the expression</source>
        <translation>Text nach dem Ende des Ausdrucks</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
</context>
<context>
    <name>FragmentIncluder</name>
    <message>
        <source>&apos;include-fragment&apos; has no attribute &apos;%1&apos;</source>
        <translation>„include-fragment“ hat kein Attribut „%1“</translation>
    </message>
    <message>
        <source>&apos;include-fragment&apos; cannot contain &apos;&lt;%1&gt;&apos;</source>
        <translation>„include-fragment“ darf kein „&lt;%1&gt;“ enthalten</translation>
    </message>
    <message>
        <source>&apos;include-fragment&apos; requires the attribute &apos;fragment-id&apos;</source>
        <translation>„include-fragment“ erfordert das Attribut „fragment-id“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid fragment id</source>
        <translation>„%1“ ist keine gültige Fragment-ID</translation>
    </message>
    <message>
        <source>fragment &apos;%1&apos; includes itself (%2)</source>
        <translation>Fragment „%1“ bindet sich selbst ein (%2)</translation>
    </message>
    <message>
        <source>fragment &apos;%1&apos; not found (expected fragments/%1.xml)</source>
        <translation>Fragment „%1“ nicht gefunden (erwartet: fragments/%1.xml)</translation>
    </message>
    <message>
        <source>a fragment must have a &lt;fragment&gt; root</source>
        <translation>ein Fragment muss ein &lt;fragment&gt;-Wurzelelement haben</translation>
    </message>
    <message>
        <source>&apos;base&apos; is not allowed in a fragment</source>
        <translation>„base“ ist in einem Fragment nicht erlaubt</translation>
    </message>
</context>
<context>
    <name>Gateway</name>
    <message>
        <source>Method not allowed</source>
        <translation>Methode nicht erlaubt</translation>
    </message>
    <message>
        <source>Resource not found</source>
        <translation>Ressource nicht gefunden</translation>
    </message>
    <message>
        <source>Expression evaluation failed at %1: %2</source>
        <translation>Auswertung des Ausdrucks bei %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be true or false, not &apos;%2&apos;</source>
        <translation>„%1“ muss true oder false sein, nicht „%2“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an integer, not &apos;%2&apos;</source>
        <translation>„%1“ muss eine ganze Zahl sein, nicht „%2“</translation>
    </message>
    <message>
        <source>Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.</source>
        <translation>Zugriff verweigert wegen eines ungültigen Abonnementschlüssels. Geben Sie einen gültigen Schlüssel für ein aktives Abonnement an.</translation>
    </message>
    <message>
        <source>Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.</source>
        <translation>Zugriff verweigert wegen eines fehlenden Abonnementschlüssels. Geben Sie bei Anfragen an eine API einen Abonnementschlüssel an.</translation>
    </message>
    <message>
        <source>Bad gateway: the backend could not be reached</source>
        <translation>Bad Gateway: das Backend war nicht erreichbar</translation>
    </message>
    <message>
        <source>Gateway timeout: the backend did not answer in time</source>
        <translation>Gateway-Zeitüberschreitung: das Backend hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>Internal server error</source>
        <translation>Interner Serverfehler</translation>
    </message>
    <message>
        <source>downstream-caching-type must be none, private or public, not &apos;%1&apos;</source>
        <translation>downstream-caching-type muss none, private oder public sein, nicht „%1“</translation>
    </message>
    <message>
        <source>cache-store-value cannot cache a value of type &apos;%1&apos;: the value must be a string, bool, char, number, null or JSON token (JToken)</source>
        <translation>cache-store-value kann keinen Wert vom Typ „%1“ zwischenspeichern: der Wert muss eine Zeichenkette, bool, char, Zahl, null oder ein JSON-Token (JToken) sein</translation>
    </message>
    <message>
        <source>Header %1 was not found in the request. Access denied.</source>
        <translation>Header %1 wurde in der Anfrage nicht gefunden. Zugriff verweigert.</translation>
    </message>
    <message>
        <source>Header %1 value is not allowed. Access denied.</source>
        <translation>Der Wert des Headers %1 ist nicht erlaubt. Zugriff verweigert.</translation>
    </message>
    <message>
        <source>no backend service URL is set for API &apos;%1&apos;</source>
        <translation>für die API „%1“ ist keine Backend-Dienst-URL festgelegt</translation>
    </message>
    <message>
        <source>the backend URL is not valid</source>
        <translation>die Backend-URL ist ungültig</translation>
    </message>
    <message>
        <source>the backend did not answer in time</source>
        <translation>das Backend hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the backend could not be reached: %1</source>
        <translation>das Backend war nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>the backend answered with status %1</source>
        <translation>das Backend hat mit Status %1 geantwortet</translation>
    </message>
    <message>
        <source>mode must be new or copy, not &apos;%1&apos;</source>
        <translation>mode muss new oder copy sein, nicht „%1“</translation>
    </message>
    <message>
        <source>the URL of %1 is not an absolute http or https URL</source>
        <translation>die URL von %1 ist keine absolute http- oder https-URL</translation>
    </message>
    <message>
        <source>Out of bandwidth quota. Quota will be replenished in %1.</source>
        <translation>Bandbreitenkontingent erschöpft. Das Kontingent wird in %1 erneuert.</translation>
    </message>
    <message>
        <source>Out of call volume quota. Quota will be replenished in %1.</source>
        <translation>Aufrufkontingent erschöpft. Das Kontingent wird in %1 erneuert.</translation>
    </message>
    <message>
        <source>Rate limit is exceeded</source>
        <translation>Ratenlimit überschritten</translation>
    </message>
    <message>
        <source>context variable &apos;%1&apos; does not hold a response (IResponse)</source>
        <translation>die Kontextvariable „%1“ enthält keine Antwort (IResponse)</translation>
    </message>
    <message>
        <source>the request of send-request timed out</source>
        <translation>die Anfrage von send-request hat das Zeitlimit überschritten</translation>
    </message>
    <message>
        <source>send-request failed: %1</source>
        <translation>send-request fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>set-backend-service produced an invalid URL</source>
        <translation>set-backend-service hat eine ungültige URL erzeugt</translation>
    </message>
    <message>
        <source>set-status produced an invalid status code</source>
        <translation>set-status hat einen ungültigen Statuscode erzeugt</translation>
    </message>
    <message numerus="yes">
        <source>Rate limit is exceeded. Try again in %n seconds.</source>
        <translation>
            <numerusform>Ratenlimit überschritten. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Ratenlimit überschritten. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>No trace with this id (the gateway keeps the last ones)</source>
        <translation>Keine Ablaufverfolgung mit dieser ID (das Gateway behält die letzten)</translation>
    </message>
    <message>
        <source>Tracing is off on this gateway</source>
        <translation>Die Ablaufverfolgung ist auf diesem Gateway ausgeschaltet</translation>
    </message>
</context>
<context>
    <name>GatewayCommandLine</name>
    <message>
        <source>Sluice API gateway: serves the APIs and policies of a Sluice workspace (Azure API Management policy compatible).

Send SIGHUP to reload the workspace without dropping connections: new requests use the new policies, requests in flight finish on the old ones, the built-in cache keeps its entries; a workspace with errors is refused and the running one kept. One log line tells the outcome.

Requests with &quot;Ocp-Apim-Trace: true&quot; (or &quot;Sluice-Trace: true&quot;) and a valid key of a subscription given with --trace-subscription are traced: the response carries Sluice-Trace-Id, and GET /traces/{id} on the admin listener returns the trace.</source>
        <translation>Sluice-API-Gateway: stellt die APIs und Richtlinien eines Sluice-Workspace bereit (kompatibel mit Azure-API-Management-Richtlinien).

Senden Sie SIGHUP, um den Workspace neu zu laden, ohne Verbindungen zu trennen: neue Anfragen verwenden die neuen Richtlinien, laufende Anfragen werden mit den alten abgeschlossen, der integrierte Cache behält seine Einträge; ein Workspace mit Fehlern wird abgelehnt und der laufende beibehalten. Eine Logzeile meldet das Ergebnis.

Anfragen mit &quot;Ocp-Apim-Trace: true&quot; (oder &quot;Sluice-Trace: true&quot;) und einem gültigen Schlüssel eines mit --trace-subscription angegebenen Abonnements werden verfolgt: die Antwort enthält Sluice-Trace-Id, und GET /traces/{id} auf dem Admin-Listener liefert die Ablaufverfolgung.</translation>
    </message>
    <message>
        <source>Workspace folder holding workspace.json and policies/.</source>
        <translation>Arbeitsbereichsordner mit workspace.json und policies/.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>VERZEICHNIS</translation>
    </message>
    <message>
        <source>Address to serve APIs on (default 127.0.0.1:8080).</source>
        <translation>Adresse, unter der die APIs bereitgestellt werden (Vorgabe 127.0.0.1:8080).</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <source>Address of the admin listener with /status and /metrics (default 127.0.0.1:8081), or &apos;off&apos;.</source>
        <translation>Adresse des Verwaltungszugangs mit /status und /metrics (Vorgabe 127.0.0.1:8081), oder „off“.</translation>
    </message>
    <message>
        <source>Gateway location, which selects the external cache (default Default).</source>
        <translation>Standort des Gateways, der den externen Cache auswählt (Vorgabe Default).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Worker threads (default: one per core).</source>
        <translation>Worker-Threads (Vorgabe: einer pro Kern).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>debug, info (one line per request), warn, error or off.</source>
        <translation>debug, info (eine Zeile pro Anfrage), warn, error oder off.</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>STUFE</translation>
    </message>
    <message>
        <source>Allow tracing for requests with a valid key of this subscription (its id); repeat for more. Tracing is off without it.</source>
        <translation>Ablaufverfolgung für Anfragen mit einem gültigen Schlüssel dieses Abonnements (seine ID) erlauben; für weitere wiederholen. Ohne diese Option ist die Ablaufverfolgung aus.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Load and validate the workspace, print every problem, exit 1 on errors.</source>
        <translation>Den Arbeitsbereich laden und prüfen, jedes Problem ausgeben, bei Fehlern mit 1 beenden.</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Die Version ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Print this help and exit.</source>
        <translation>Diese Hilfe ausgeben und beenden.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--workspace DIR is required</source>
        <translation>--workspace VERZEICHNIS ist erforderlich</translation>
    </message>
    <message>
        <source>--listen: %1</source>
        <translation>--listen: %1</translation>
    </message>
    <message>
        <source>--admin: %1</source>
        <translation>--admin: %1</translation>
    </message>
    <message>
        <source>--threads must be a number from 0 to 256</source>
        <translation>--threads muss eine Zahl von 0 bis 256 sein</translation>
    </message>
    <message>
        <source>--log-level must be debug, info, warn, error or off</source>
        <translation>--log-level muss debug, info, warn, error oder off sein</translation>
    </message>
</context>
<context>
    <name>GatewayConfig</name>
    <message>
        <source>the gateway location &apos;%1&apos; is not one of the workspace&apos;s locations</source>
        <translation>der Gateway-Standort „%1“ ist keiner der Standorte des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>the connection string of cache &apos;%1&apos; is kept in the console&apos;s system keychain, which this gateway does not read: reference an environment variable (&quot;${NAME}&quot;) instead</source>
        <translation>die Verbindungszeichenfolge des Caches „%1“ liegt im Systemschlüsselbund der Konsole, den dieses Gateway nicht liest: verweisen Sie stattdessen auf eine Umgebungsvariable („${NAME}“)</translation>
    </message>
    <message>
        <source>%1 (at character %2)</source>
        <translation>%1 (bei Zeichen %2)</translation>
    </message>
</context>
<context>
    <name>GatewayReload</name>
    <message>
        <source>reloaded workspace &apos;%1&apos;: new requests use it</source>
        <translation>Workspace „%1“ neu geladen: neue Anfragen verwenden ihn</translation>
    </message>
    <message>
        <source>reload refused: the workspace could not be loaded; the running configuration stays</source>
        <translation>Neuladen abgelehnt: der Workspace konnte nicht geladen werden; die laufende Konfiguration bleibt bestehen</translation>
    </message>
    <message numerus="yes">
        <source>reload refused: the workspace has %n error(s), the running configuration stays; first: %1</source>
        <translation>
            <numerusform>Neuladen abgelehnt: der Workspace hat %n Fehler, die laufende Konfiguration bleibt bestehen; erster: %1</numerusform>
            <numerusform>Neuladen abgelehnt: der Workspace hat %n Fehler, die laufende Konfiguration bleibt bestehen; erster: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostPort</name>
    <message>
        <source>&apos;%1&apos; is not HOST:PORT</source>
        <translation>„%1“ ist nicht HOST:PORT</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no valid port</source>
        <translation>„%1“ hat keinen gültigen Port</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address</source>
        <translation>„%1“ ist keine IP-Adresse</translation>
    </message>
</context>
<context>
    <name>HttpExchange</name>
    <message>
        <source>The request was not answered</source>
        <translation>Die Anfrage wurde nicht beantwortet</translation>
    </message>
</context>
<context>
    <name>HttpRequestParser</name>
    <message>
        <source>Request header fields too large</source>
        <translation>Header-Felder der Anfrage zu groß</translation>
    </message>
    <message>
        <source>Request entity too large</source>
        <translation>Anfragerumpf zu groß</translation>
    </message>
    <message>
        <source>HTTP version not supported</source>
        <translation>HTTP-Version nicht unterstützt</translation>
    </message>
    <message>
        <source>The CONNECT method is not supported</source>
        <translation>Die Methode CONNECT wird nicht unterstützt</translation>
    </message>
    <message>
        <source>Transfer-Encoding other than chunked is not supported</source>
        <translation>Transfer-Encoding außer chunked wird nicht unterstützt</translation>
    </message>
    <message>
        <source>Expectation failed</source>
        <translation>Erwartung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Bad request: %1</source>
        <translation>Fehlerhafte Anfrage: %1</translation>
    </message>
</context>
<context>
    <name>HttpResponseParser</name>
    <message>
        <source>malformed response from backend: %1</source>
        <translation>fehlerhafte Antwort vom Backend: %1</translation>
    </message>
    <message>
        <source>backend switched protocols unexpectedly</source>
        <translation>das Backend hat unerwartet das Protokoll gewechselt</translation>
    </message>
    <message>
        <source>backend closed the connection before the response was complete</source>
        <translation>das Backend hat die Verbindung geschlossen, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <source>backend closed the connection without a response</source>
        <translation>das Backend hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
</context>
<context>
    <name>InternalCache</name>
    <message>
        <source>The time to live must be positive (got %1 ms).</source>
        <translation>Die Lebensdauer muss positiv sein (erhalten: %1 ms).</translation>
    </message>
    <message>
        <source>A cache key of %1 bytes exceeds the limit of %2 bytes.</source>
        <translation>Ein Cache-Schlüssel von %1 Bytes überschreitet die Grenze von %2 Bytes.</translation>
    </message>
    <message>
        <source>A value of %1 bytes exceeds the internal cache&apos;s per-entry limit of %2 bytes.</source>
        <translation>Ein Wert von %1 Bytes überschreitet die Grenze des internen Caches von %2 Bytes pro Eintrag.</translation>
    </message>
    <message>
        <source>An entry of %1 bytes (key, value and %2 bytes of overhead) does not fit the internal cache&apos;s capacity of %3 bytes.</source>
        <translation>Ein Eintrag von %1 Bytes (Schlüssel, Wert und %2 Bytes Verwaltungsaufwand) passt nicht in die Kapazität des internen Caches von %3 Bytes.</translation>
    </message>
</context>
<context>
    <name>ItemForms</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Gekündigt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>Alle APIs</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>Produkt %1</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>Buchstaben, Ziffern, „.“, „_“ und „-“</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL suffix</source>
        <translation>URL-Suffix</translation>
    </message>
    <message>
        <source>Backend service URL</source>
        <translation>Backend-Dienst-URL</translation>
    </message>
    <message>
        <source>Subscription required</source>
        <translation>Abonnement erforderlich</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>URL template</source>
        <translation>URL-Vorlage</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>Anzeige&amp;name:</translation>
    </message>
    <message>
        <source>API URL &amp;suffix:</source>
        <translation>API-URL-&amp;Suffix:</translation>
    </message>
    <message>
        <source>&amp;Backend service URL:</source>
        <translation>&amp;Backend-Dienst-URL:</translation>
    </message>
    <message>
        <source>Subscription &amp;required:</source>
        <translation>Abonnement e&amp;rforderlich:</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>&amp;API:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>GET, POST, ... or * for any</source>
        <translation>GET, POST, ... oder * für beliebige</translation>
    </message>
    <message>
        <source>&amp;URL template:</source>
        <translation>&amp;URL-Vorlage:</translation>
    </message>
    <message>
        <source>&amp;APIs:</source>
        <translation>&amp;APIs:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (integriert)</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>&amp;Gruppen:</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Bereich:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>Zus&amp;tand:</translation>
    </message>
    <message>
        <source>&amp;Primary key:</source>
        <translation>&amp;Primärschlüssel:</translation>
    </message>
    <message>
        <source>Se&amp;condary key:</source>
        <translation>Se&amp;kundärschlüssel:</translation>
    </message>
    <message>
        <source>Add API %1</source>
        <translation>API %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit API %1</source>
        <translation>API %1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove API %1</source>
        <translation>API %1 entfernen</translation>
    </message>
    <message>
        <source>Add operation %1</source>
        <translation>Vorgang %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit operation %1</source>
        <translation>Vorgang %1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove operation %1</source>
        <translation>Vorgang %1 entfernen</translation>
    </message>
    <message>
        <source>Add product %1</source>
        <translation>Produkt %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit product %1</source>
        <translation>Produkt %1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove product %1</source>
        <translation>Produkt %1 entfernen</translation>
    </message>
    <message>
        <source>Add user %1</source>
        <translation>Benutzer %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>Benutzer %1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove user %1</source>
        <translation>Benutzer %1 entfernen</translation>
    </message>
    <message>
        <source>Add group %1</source>
        <translation>Gruppe %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit group %1</source>
        <translation>Gruppe %1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove group %1</source>
        <translation>Gruppe %1 entfernen</translation>
    </message>
    <message>
        <source>Add subscription %1</source>
        <translation>Abonnement %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit subscription %1</source>
        <translation>Abonnement %1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove subscription %1</source>
        <translation>Abonnement %1 entfernen</translation>
    </message>
</context>
<context>
    <name>Lexer</name>
    <message>
        <source>unterminated comment</source>
        <translation>nicht abgeschlossener Kommentar</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>unerwartetes Zeichen „%1“</translation>
    </message>
    <message>
        <source>invalid number literal</source>
        <translation>ungültiges Zahlenliteral</translation>
    </message>
    <message>
        <source>integer literal is too large</source>
        <translation>Ganzzahlliteral ist zu groß</translation>
    </message>
    <message>
        <source>invalid escape sequence</source>
        <translation>ungültige Escapesequenz</translation>
    </message>
    <message>
        <source>invalid escape sequence &apos;\%1&apos;</source>
        <translation>ungültige Escapesequenz „\%1“</translation>
    </message>
    <message>
        <source>unterminated string literal</source>
        <translation>nicht abgeschlossenes Zeichenkettenliteral</translation>
    </message>
    <message>
        <source>character literal must hold exactly one character</source>
        <translation>ein Zeichenliteral muss genau ein Zeichen enthalten</translation>
    </message>
    <message>
        <source>interpolated strings are nested too deeply</source>
        <translation>interpolierte Zeichenketten sind zu tief verschachtelt</translation>
    </message>
    <message>
        <source>unexpected &apos;}&apos; in interpolated string</source>
        <translation>unerwartete „}“ in interpolierter Zeichenkette</translation>
    </message>
    <message>
        <source>unterminated interpolation hole</source>
        <translation>nicht abgeschlossener Interpolationsausdruck</translation>
    </message>
    <message>
        <source>invalid alignment in interpolation hole</source>
        <translation>ungültige Ausrichtung im Interpolationsausdruck</translation>
    </message>
</context>
<context>
    <name>MetricsRegistry</name>
    <message>
        <source>Invalid metric name &quot;%1&quot;.</source>
        <translation>Ungültiger Metrikname „%1“.</translation>
    </message>
    <message>
        <source>Invalid label name &quot;%1&quot; for metric %2.</source>
        <translation>Ungültiger Labelname „%1“ für Metrik %2.</translation>
    </message>
    <message>
        <source>Duplicate label name &quot;%1&quot; for metric %2.</source>
        <translation>Doppelter Labelname „%1“ für Metrik %2.</translation>
    </message>
    <message>
        <source>Metric %1 is already registered with another type or labels.</source>
        <translation>Metrik %1 ist bereits mit einem anderen Typ oder anderen Labels registriert.</translation>
    </message>
    <message>
        <source>Metric %1 is already registered with other buckets.</source>
        <translation>Metrik %1 ist bereits mit anderen Buckets registriert.</translation>
    </message>
</context>
<context>
    <name>NamedValueSubstitution</name>
    <message>
        <source>unknown named value &apos;%1&apos;</source>
        <translation>unbekannter benannter Wert „%1“</translation>
    </message>
</context>
<context>
    <name>Parser</name>
    <message>
        <source>a policy expression starts with &apos;@(&apos; or &apos;@{&apos;</source>
        <translation>ein Richtlinienausdruck beginnt mit „@(“ oder „@{“</translation>
    </message>
    <message>
        <source>expected &apos;)&apos;</source>
        <translation>„)“ erwartet</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;, expected &apos;)&apos;</source>
        <translation>unerwartetes „%1“, „)“ erwartet</translation>
    </message>
    <message>
        <source>unexpected text after the end of the policy expression</source>
        <translation>unerwarteter Text nach dem Ende des Richtlinienausdrucks</translation>
    </message>
    <message>
        <source>the expression is nested too deeply</source>
        <translation>der Ausdruck ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>empty interpolation hole</source>
        <translation>leerer Interpolationsausdruck</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; in interpolation hole</source>
        <translation>unerwartetes „%1“ im Interpolationsausdruck</translation>
    </message>
    <message>
        <source>expected &apos;%1&apos;</source>
        <translation>„%1“ erwartet</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;, expected &apos;%2&apos;</source>
        <translation>unerwartetes „%1“, „%2“ erwartet</translation>
    </message>
    <message>
        <source>expected a lambda parameter</source>
        <translation>ein Lambda-Parameter wird erwartet</translation>
    </message>
    <message>
        <source>patterns are not supported</source>
        <translation>Muster werden nicht unterstützt</translation>
    </message>
    <message>
        <source>expected a type</source>
        <translation>ein Typ wird erwartet</translation>
    </message>
    <message>
        <source>expected a variable after &apos;out&apos;</source>
        <translation>nach „out“ wird eine Variable erwartet</translation>
    </message>
    <message>
        <source>expected a member name after &apos;%1&apos;</source>
        <translation>nach „%1“ wird ein Mitgliedsname erwartet</translation>
    </message>
    <message>
        <source>unexpected keyword &apos;%1&apos;</source>
        <translation>unerwartetes Schlüsselwort „%1“</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;</source>
        <translation>unerwartetes „%1“</translation>
    </message>
    <message>
        <source>unexpected end of expression</source>
        <translation>unerwartetes Ende des Ausdrucks</translation>
    </message>
    <message>
        <source>an anonymous object member needs a name</source>
        <translation>ein Mitglied eines anonymen Objekts braucht einen Namen</translation>
    </message>
    <message>
        <source>expected a type after &apos;new&apos;</source>
        <translation>nach „new“ wird ein Typ erwartet</translation>
    </message>
    <message>
        <source>expected an array initializer</source>
        <translation>ein Arrayinitialisierer wird erwartet</translation>
    </message>
    <message>
        <source>expected &apos;(&apos; after the type</source>
        <translation>nach dem Typ wird „(“ erwartet</translation>
    </message>
    <message>
        <source>expected &apos;}&apos;</source>
        <translation>„}“ erwartet</translation>
    </message>
    <message>
        <source>expected a variable name</source>
        <translation>ein Variablenname wird erwartet</translation>
    </message>
    <message>
        <source>the statements are nested too deeply</source>
        <translation>die Anweisungen sind zu tief verschachtelt</translation>
    </message>
    <message>
        <source>expected &apos;while&apos;</source>
        <translation>„while“ erwartet</translation>
    </message>
    <message>
        <source>expected &apos;var name in&apos; in foreach</source>
        <translation>in foreach wird „var Name in“ erwartet</translation>
    </message>
    <message>
        <source>expected &apos;in&apos;</source>
        <translation>„in“ erwartet</translation>
    </message>
    <message>
        <source>expected an exception type</source>
        <translation>ein Ausnahmetyp wird erwartet</translation>
    </message>
    <message>
        <source>only one catch clause is supported</source>
        <translation>nur eine catch-Klausel wird unterstützt</translation>
    </message>
    <message>
        <source>expected &apos;catch&apos; or &apos;finally&apos;</source>
        <translation>„catch“ oder „finally“ erwartet</translation>
    </message>
    <message>
        <source>expected &apos;case&apos; or &apos;default&apos;</source>
        <translation>„case“ oder „default“ erwartet</translation>
    </message>
    <message>
        <source>expected a constant declaration</source>
        <translation>eine Konstantendeklaration wird erwartet</translation>
    </message>
</context>
<context>
    <name>PolicyCompiler</name>
    <message>
        <source>cache-store needs a cache-lookup in the inbound section of the same pipeline</source>
        <translation>cache-store braucht ein cache-lookup im inbound-Abschnitt derselben Pipeline</translation>
    </message>
    <message>
        <source>&apos;%1&apos; requires the attribute &apos;%2&apos;</source>
        <translation>„%1“ erfordert das Attribut „%2“</translation>
    </message>
    <message>
        <source>caching-type must be prefer-external, external or internal, not &apos;%1&apos;</source>
        <translation>caching-type muss prefer-external, external oder internal sein, nicht „%1“</translation>
    </message>
    <message>
        <source>downstream-caching-type must be none, private or public, not &apos;%1&apos;</source>
        <translation>downstream-caching-type muss none, private oder public sein, nicht „%1“</translation>
    </message>
    <message>
        <source>&lt;%1&gt; does not accept policy expressions</source>
        <translation>&lt;%1&gt; akzeptiert keine Richtlinienausdrücke</translation>
    </message>
    <message>
        <source>&lt;%1&gt; needs a name</source>
        <translation>&lt;%1&gt; braucht einen Namen</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; must not be empty</source>
        <translation>das Attribut „%1“ darf nicht leer sein</translation>
    </message>
    <message>
        <source>&apos;when&apos; requires the attribute &apos;condition&apos;</source>
        <translation>„when“ erfordert das Attribut „condition“</translation>
    </message>
    <message>
        <source>the condition must be a bool expression</source>
        <translation>die Bedingung muss ein bool-Ausdruck sein</translation>
    </message>
    <message>
        <source>exists-action must be override, skip, append or delete, not &apos;%1&apos;</source>
        <translation>exists-action muss override, skip, append oder delete sein, nicht „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs at least one &lt;value&gt;</source>
        <translation>„%1“ braucht mindestens ein &lt;value&gt;</translation>
    </message>
    <message>
        <source>follow-redirects=&quot;true&quot; is not supported yet</source>
        <translation>follow-redirects=&quot;true&quot; wird noch nicht unterstützt</translation>
    </message>
    <message>
        <source>&apos;quota-by-key&apos; needs &apos;calls&apos; or &apos;bandwidth&apos;</source>
        <translation>„quota-by-key“ braucht „calls“ oder „bandwidth“</translation>
    </message>
    <message>
        <source>first-period-start must be an ISO 8601 date and time (yyyy-MM-ddTHH:mm:ssZ), not &apos;%1&apos;</source>
        <translation>first-period-start muss ein Datum mit Uhrzeit nach ISO 8601 sein (yyyy-MM-ddTHH:mm:ssZ), nicht „%1“</translation>
    </message>
    <message>
        <source>attribute &apos;ignore-error&apos; does not accept policy expressions</source>
        <translation>das Attribut „ignore-error“ akzeptiert keine Richtlinienausdrücke</translation>
    </message>
    <message>
        <source>set-backend-service needs exactly one of &apos;base-url&apos; and &apos;backend-id&apos;</source>
        <translation>set-backend-service braucht genau eines von „base-url“ und „backend-id“</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; is not supported by this gateway</source>
        <translation>das Attribut „%1“ wird von diesem Gateway nicht unterstützt</translation>
    </message>
    <message>
        <source>base-url must be an absolute http or https URL</source>
        <translation>base-url muss eine absolute http- oder https-URL sein</translation>
    </message>
    <message>
        <source>unknown backend &apos;%1&apos;</source>
        <translation>unbekanntes Backend „%1“</translation>
    </message>
    <message>
        <source>set-body template=&quot;liquid&quot; is not supported yet</source>
        <translation>set-body template=&quot;liquid&quot; wird noch nicht unterstützt</translation>
    </message>
    <message>
        <source>unknown set-body template &apos;%1&apos;</source>
        <translation>unbekannte set-body-Vorlage „%1“</translation>
    </message>
    <message>
        <source>xsi-nil must be blank or null</source>
        <translation>xsi-nil muss blank oder null sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid header name</source>
        <translation>„%1“ ist kein gültiger Header-Name</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid HTTP method</source>
        <translation>„%1“ ist keine gültige HTTP-Methode</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not accept policy expressions here</source>
        <translation>„%1“ akzeptiert hier keine Richtlinienausdrücke</translation>
    </message>
    <message>
        <source>status code must be a number from 100 to 599</source>
        <translation>der Statuscode muss eine Zahl von 100 bis 599 sein</translation>
    </message>
    <message>
        <source>severity must be verbose, information or error, not &apos;%1&apos;</source>
        <translation>severity muss verbose, information oder error sein, nicht „%1“</translation>
    </message>
    <message>
        <source>&apos;trace&apos; needs exactly one &lt;message&gt; element</source>
        <translation>„trace“ braucht genau ein &lt;message&gt;-Element</translation>
    </message>
    <message>
        <source>for must be all or any, not &apos;%1&apos;</source>
        <translation>for muss all oder any sein, nicht „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; inside &apos;wait&apos; is not supported by this gateway (send-request, cache-lookup-value and wait are)</source>
        <translation>„%1“ innerhalb von „wait“ wird von diesem Gateway nicht unterstützt (send-request, cache-lookup-value und wait schon)</translation>
    </message>
    <message>
        <source>policy &apos;%1&apos; is not implemented by this gateway</source>
        <translation>die Richtlinie „%1“ ist in diesem Gateway nicht implementiert</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; does not accept policy expressions</source>
        <translation>das Attribut „%1“ akzeptiert keine Richtlinienausdrücke</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; must be true or false, not &apos;%2&apos;</source>
        <translation>das Attribut „%1“ muss true oder false sein, nicht „%2“</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; must be an integer from %2 to %3, not &apos;%4&apos;</source>
        <translation>das Attribut „%1“ muss eine ganze Zahl von %2 bis %3 sein, nicht „%4“</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; must be a whole number from %2 to %3</source>
        <translation>das Attribut „%1“ muss eine ganze Zahl von %2 bis %3 sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no attribute &apos;%2&apos;</source>
        <translation>„%1“ hat kein Attribut „%2“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot contain &apos;&lt;%2&gt;&apos;</source>
        <translation>„%1“ darf kein „&lt;%2&gt;“ enthalten</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs &apos;calls&apos; or &apos;bandwidth&apos;</source>
        <translation>„%1“ braucht „calls“ oder „bandwidth“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a &apos;name&apos; or an &apos;id&apos;</source>
        <translation>„%1“ braucht einen „name“ oder eine „id“</translation>
    </message>
    <message>
        <source>&lt;%1&gt; must not be empty</source>
        <translation>&lt;%1&gt; darf nicht leer sein</translation>
    </message>
    <message>
        <source>&lt;%1&gt; needs at least one &lt;%2&gt;</source>
        <translation>&lt;%1&gt; braucht mindestens ein &lt;%2&gt;</translation>
    </message>
    <message>
        <source>&apos;cors&apos; may contain only one &lt;%1&gt;</source>
        <translation>„cors“ darf nur ein &lt;%1&gt; enthalten</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an origin (scheme://host[:port])</source>
        <translation>„%1“ ist kein Ursprung (Schema://Host[:Port])</translation>
    </message>
    <message>
        <source>&lt;allowed-origins&gt; with &apos;*&apos; must contain nothing else</source>
        <translation>&lt;allowed-origins&gt; mit „*“ darf nichts anderes enthalten</translation>
    </message>
    <message>
        <source>&apos;cors&apos; requires &lt;allowed-origins&gt;</source>
        <translation>„cors“ erfordert &lt;allowed-origins&gt;</translation>
    </message>
    <message>
        <source>&lt;allowed-methods&gt; needs at least one &lt;method&gt;</source>
        <translation>&lt;allowed-methods&gt; braucht mindestens ein &lt;method&gt;</translation>
    </message>
    <message>
        <source>mode must be new or copy, not &apos;%1&apos;</source>
        <translation>mode muss new oder copy sein, nicht „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; may contain only one &lt;%2&gt;</source>
        <translation>„%1“ darf nur ein &lt;%2&gt; enthalten</translation>
    </message>
    <message>
        <source>set-url must be an absolute http or https URL</source>
        <translation>set-url muss eine absolute http- oder https-URL sein</translation>
    </message>
    <message>
        <source>&lt;%1&gt; inside &apos;%2&apos; is not implemented by this gateway</source>
        <translation>&lt;%1&gt; innerhalb von „%2“ ist in diesem Gateway nicht implementiert</translation>
    </message>
    <message>
        <source>&apos;%1&apos; with mode=&quot;new&quot; requires a &lt;set-url&gt;</source>
        <translation>„%1“ mit mode=&quot;new&quot; erfordert ein &lt;set-url&gt;</translation>
    </message>
</context>
<context>
    <name>PolicyExpressionScanner</name>
    <message>
        <source>policy expression is missing its closing &apos;%1&apos;</source>
        <translation>dem Richtlinienausdruck fehlt das schließende „%1“</translation>
    </message>
    <message>
        <source>policy expression is nested too deeply</source>
        <translation>der Richtlinienausdruck ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>policy expression has an unexpected &apos;%1&apos;</source>
        <translation>der Richtlinienausdruck hat ein unerwartetes „%1“</translation>
    </message>
    <message>
        <source>policy expression has &apos;%1&apos; where &apos;%2&apos; was expected</source>
        <translation>der Richtlinienausdruck hat „%1“, wo „%2“ erwartet wurde</translation>
    </message>
    <message>
        <source>policy expression has an unterminated string literal</source>
        <translation>der Richtlinienausdruck hat ein nicht abgeschlossenes Zeichenkettenliteral</translation>
    </message>
    <message>
        <source>character literal in policy expression must hold exactly one character</source>
        <translation>ein Zeichenliteral im Richtlinienausdruck muss genau ein Zeichen enthalten</translation>
    </message>
    <message>
        <source>policy expression has an unterminated comment</source>
        <translation>der Richtlinienausdruck hat einen nicht abgeschlossenen Kommentar</translation>
    </message>
    <message>
        <source>unexpected text after the policy expression; an expression must fill the whole element text</source>
        <translation>unerwarteter Text nach dem Richtlinienausdruck; ein Ausdruck muss den ganzen Text des Elements ausfüllen</translation>
    </message>
    <message>
        <source>unexpected text after the policy expression; an expression must fill the whole attribute value</source>
        <translation>unerwarteter Text nach dem Richtlinienausdruck; ein Ausdruck muss den ganzen Attributwert ausfüllen</translation>
    </message>
    <message>
        <source>a policy expression starts with &apos;@(&apos; or &apos;@{&apos;</source>
        <translation>ein Richtlinienausdruck beginnt mit „@(“ oder „@{“</translation>
    </message>
</context>
<context>
    <name>PolicyParser</name>
    <message>
        <source>elements are nested too deeply</source>
        <translation>die Elemente sind zu tief verschachtelt</translation>
    </message>
    <message>
        <source>a policy expression must fill the whole element text</source>
        <translation>ein Richtlinienausdruck muss den ganzen Text des Elements ausfüllen</translation>
    </message>
    <message>
        <source>unexpected text in &lt;%1&gt;; it may contain only elements</source>
        <translation>unerwarteter Text in &lt;%1&gt;; es darf nur Elemente enthalten</translation>
    </message>
    <message>
        <source>section &lt;%1&gt; appears more than once</source>
        <translation>der Abschnitt &lt;%1&gt; kommt mehr als einmal vor</translation>
    </message>
    <message>
        <source>unexpected element &lt;%1&gt; in &lt;policies&gt;; expected &lt;inbound&gt;, &lt;backend&gt;, &lt;outbound&gt; or &lt;on-error&gt;</source>
        <translation>unerwartetes Element &lt;%1&gt; in &lt;policies&gt;; erwartet: &lt;inbound&gt;, &lt;backend&gt;, &lt;outbound&gt; oder &lt;on-error&gt;</translation>
    </message>
    <message>
        <source>policy expression is not inside an attribute value or an element text</source>
        <translation>der Richtlinienausdruck steht weder in einem Attributwert noch in einem Elementtext</translation>
    </message>
    <message>
        <source>malformed XML: %1</source>
        <translation>fehlerhaftes XML: %1</translation>
    </message>
    <message>
        <source>the document has no root element</source>
        <translation>das Dokument hat kein Wurzelelement</translation>
    </message>
    <message>
        <source>root element must be &lt;policies&gt; or &lt;fragment&gt;</source>
        <translation>das Wurzelelement muss &lt;policies&gt; oder &lt;fragment&gt; sein</translation>
    </message>
    <message>
        <source>a policy document has exactly one root element</source>
        <translation>ein Richtliniendokument hat genau ein Wurzelelement</translation>
    </message>
    <message>
        <source>cannot read the policy file: %1</source>
        <translation>die Richtliniendatei kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>PolicyScope</name>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>Produkt %1</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>Operation %1</source>
        <translation>Vorgang %1</translation>
    </message>
</context>
<context>
    <name>PolicyValidator</name>
    <message>
        <source>&apos;base&apos; appears more than once in section &apos;%1&apos;</source>
        <translation>„base“ kommt im Abschnitt „%1“ mehr als einmal vor</translation>
    </message>
    <message>
        <source>unknown policy element &apos;%1&apos;</source>
        <translation>unbekanntes Richtlinienelement „%1“</translation>
    </message>
    <message>
        <source>&apos;base&apos; is not allowed in a fragment</source>
        <translation>„base“ ist in einem Fragment nicht erlaubt</translation>
    </message>
    <message>
        <source>&apos;base&apos; is only allowed directly inside a section</source>
        <translation>„base“ ist nur direkt in einem Abschnitt erlaubt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed in a fragment</source>
        <translation>„%1“ ist in einem Fragment nicht erlaubt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed in section &apos;%2&apos;</source>
        <translation>„%1“ ist im Abschnitt „%2“ nicht erlaubt</translation>
    </message>
    <message>
        <source>policy &apos;%1&apos; is not implemented by this gateway</source>
        <translation>die Richtlinie „%1“ ist in diesem Gateway nicht implementiert</translation>
    </message>
    <message>
        <source>&apos;when&apos; must come before &apos;otherwise&apos; in &apos;choose&apos;</source>
        <translation>„when“ muss in „choose“ vor „otherwise“ stehen</translation>
    </message>
    <message>
        <source>&apos;when&apos; needs a &apos;condition&apos; attribute</source>
        <translation>„when“ braucht ein Attribut „condition“</translation>
    </message>
    <message>
        <source>&apos;otherwise&apos; appears more than once in &apos;choose&apos;</source>
        <translation>„otherwise“ kommt in „choose“ mehr als einmal vor</translation>
    </message>
    <message>
        <source>unexpected element &apos;%1&apos; in &apos;choose&apos;; expected &apos;when&apos; or &apos;otherwise&apos;</source>
        <translation>unerwartetes Element „%1“ in „choose“; erwartet: „when“ oder „otherwise“</translation>
    </message>
    <message>
        <source>&apos;choose&apos; needs at least one &apos;when&apos;</source>
        <translation>„choose“ braucht mindestens ein „when“</translation>
    </message>
</context>
<context>
    <name>RedisClient</name>
    <message>
        <source>Not connected to Redis</source>
        <translation>Nicht mit Redis verbunden</translation>
    </message>
    <message>
        <source>Unexpected reply to CLUSTER SLOTS</source>
        <translation>Unerwartete Antwort auf CLUSTER SLOTS</translation>
    </message>
    <message>
        <source>No connection to %1:%2 within %3 ms</source>
        <translation>Keine Verbindung zu %1:%2 innerhalb von %3 ms</translation>
    </message>
    <message>
        <source>The connection to %1:%2 is no longer used</source>
        <translation>Die Verbindung zu %1:%2 wird nicht mehr verwendet</translation>
    </message>
</context>
<context>
    <name>RedisConnectionString</name>
    <message>
        <source>the connection string is empty</source>
        <translation>die Verbindungszeichenfolge ist leer</translation>
    </message>
    <message>
        <source>an option has no name before &apos;=&apos;</source>
        <translation>eine Option hat keinen Namen vor „=“</translation>
    </message>
    <message>
        <source>no endpoint: expected host:port before the options</source>
        <translation>kein Endpunkt: vor den Optionen wird host:port erwartet</translation>
    </message>
    <message>
        <source>the port is missing after &apos;:&apos;</source>
        <translation>nach „:“ fehlt der Port</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>der Port muss eine Zahl von 1 bis 65535 sein</translation>
    </message>
    <message>
        <source>an IPv6 address is missing its closing &apos;]&apos;</source>
        <translation>einer IPv6-Adresse fehlt die schließende „]“</translation>
    </message>
    <message>
        <source>invalid IPv6 address in brackets</source>
        <translation>ungültige IPv6-Adresse in Klammern</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; and a port after &apos;]&apos;</source>
        <translation>nach „]“ werden „:“ und ein Port erwartet</translation>
    </message>
    <message>
        <source>an IPv6 address must be written in brackets, e.g. [::1]:6379</source>
        <translation>eine IPv6-Adresse muss in Klammern geschrieben werden, z. B. [::1]:6379</translation>
    </message>
    <message>
        <source>the host is missing before &apos;:&apos;</source>
        <translation>vor „:“ fehlt der Host</translation>
    </message>
    <message>
        <source>invalid character in the host name</source>
        <translation>ungültiges Zeichen im Hostnamen</translation>
    </message>
    <message>
        <source>%1 must be True or False</source>
        <translation>%1 muss True oder False sein</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3</source>
        <translation>%1 muss eine ganze Zahl von %2 bis %3 sein</translation>
    </message>
    <message>
        <source>sslHost must be a host name</source>
        <translation>sslHost muss ein Hostname sein</translation>
    </message>
    <message>
        <source>option %1 (at position %2) is not used by Sluice; ignored</source>
        <translation>die Option %1 (an Position %2) wird von Sluice nicht verwendet; ignoriert</translation>
    </message>
    <message>
        <source>unknown option %1 (at position %2) ignored</source>
        <translation>unbekannte Option %1 (an Position %2) ignoriert</translation>
    </message>
    <message>
        <source>an unknown option (at position %1) ignored</source>
        <translation>eine unbekannte Option (an Position %1) ignoriert</translation>
    </message>
    <message>
        <source>unsupported URI scheme: expected redis:// or rediss://</source>
        <translation>nicht unterstütztes URI-Schema: erwartet: redis:// oder rediss://</translation>
    </message>
    <message>
        <source>the host is missing in the URI</source>
        <translation>im URI fehlt der Host</translation>
    </message>
</context>
<context>
    <name>SampleWorkspace</name>
    <message>
        <source>Cannot copy the sample workspace to %1.</source>
        <translation>Der Beispielarbeitsbereich kann nicht nach %1 kopiert werden.</translation>
    </message>
    <message>
        <source>The sample workspace is not installed.</source>
        <translation>Der Beispielarbeitsbereich ist nicht installiert.</translation>
    </message>
</context>
<context>
    <name>WorkspaceItems</name>
    <message>
        <source>&apos;%1&apos; is a built-in group.</source>
        <translation>„%1“ ist eine integrierte Gruppe.</translation>
    </message>
    <message>
        <source>API &apos;%1&apos; is the scope of the subscriptions %2: change their scope or remove them first.</source>
        <translation>API „%1“ ist der Bereich der Abonnements %2: ändern Sie zuerst deren Bereich oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>product &apos;%1&apos;</source>
        <translation>Produkt „%1“</translation>
    </message>
    <message>
        <source>Product &apos;%1&apos; is the scope of the subscriptions %2: change their scope or remove them first.</source>
        <translation>Produkt „%1“ ist der Bereich der Abonnements %2: ändern Sie zuerst deren Bereich oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>subscription &apos;%1&apos;</source>
        <translation>Abonnement „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a built-in group and cannot be removed.</source>
        <translation>„%1“ ist eine integrierte Gruppe und kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>user &apos;%1&apos;</source>
        <translation>Benutzer „%1“</translation>
    </message>
</context>
<context>
    <name>WorkspaceLoader</name>
    <message>
        <source>duplicate id &apos;%1&apos; (first used at %2)</source>
        <translation>doppelte ID „%1“ (zuerst verwendet bei %2)</translation>
    </message>
    <message>
        <source>the empty path is already used by API &apos;%1&apos;</source>
        <translation>der leere Pfad wird bereits von der API „%1“ verwendet</translation>
    </message>
    <message>
        <source>path &apos;%1&apos; is already used by API &apos;%2&apos;</source>
        <translation>der Pfad „%1“ wird bereits von der API „%2“ verwendet</translation>
    </message>
    <message>
        <source>must be an absolute http:// or https:// URL</source>
        <translation>muss eine absolute http://- oder https://-URL sein</translation>
    </message>
    <message>
        <source>whitespace is not allowed in a path</source>
        <translation>Leerraum ist in einem Pfad nicht erlaubt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed in a path</source>
        <translation>„%1“ ist in einem Pfad nicht erlaubt</translation>
    </message>
    <message>
        <source>empty path segment (&apos;//&apos;)</source>
        <translation>leeres Pfadsegment („//“)</translation>
    </message>
    <message>
        <source>invalid method &apos;%1&apos;: use an upper-case HTTP method such as GET, or &apos;*&apos;</source>
        <translation>ungültige Methode „%1“: verwenden Sie eine HTTP-Methode in Großbuchstaben wie GET, oder „*“</translation>
    </message>
    <message>
        <source>duplicates operation &apos;%1&apos;: same method and URL template</source>
        <translation>doppelt zur Operation „%1“: gleiche Methode und URL-Vorlage</translation>
    </message>
    <message>
        <source>unterminated &apos;${&apos; (write &apos;$${&apos; for a literal &apos;${&apos;)</source>
        <translation>nicht abgeschlossenes „${“ (schreiben Sie „$${“ für ein wörtliches „${“)</translation>
    </message>
    <message>
        <source>invalid environment variable name in &apos;${...}&apos; (use letters, digits and &apos;_&apos;; write &apos;$${&apos; for a literal &apos;${&apos;)</source>
        <translation>ungültiger Name einer Umgebungsvariable in „${...}“ (verwenden Sie Buchstaben, Ziffern und „_“; schreiben Sie „$${“ für ein wörtliches „${“)</translation>
    </message>
    <message>
        <source>missing required field</source>
        <translation>Pflichtfeld fehlt</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>invalid id &apos;%1&apos;: use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>ungültige ID „%1“: verwenden Sie nur Buchstaben, Ziffern, „.“, „_“ und „-“</translation>
    </message>
    <message>
        <source>invalid id &apos;%1&apos;: an id cannot consist of dots only</source>
        <translation>ungültige ID „%1“: eine ID darf nicht nur aus Punkten bestehen</translation>
    </message>
    <message>
        <source>must be from %1 to %2, not %3</source>
        <translation>muss von %1 bis %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos;</source>
        <translation>unbekannter Schlüssel „%1“</translation>
    </message>
    <message>
        <source>must start with &apos;/&apos;</source>
        <translation>muss mit „/“ beginnen</translation>
    </message>
    <message>
        <source>unbalanced &apos;{&apos; at position %1</source>
        <translation>nicht geschlossene „{“ bei Position %1</translation>
    </message>
    <message>
        <source>empty parameter name at position %1</source>
        <translation>leerer Parametername bei Position %1</translation>
    </message>
    <message>
        <source>invalid parameter name &apos;%1&apos;</source>
        <translation>ungültiger Parametername „%1“</translation>
    </message>
    <message>
        <source>duplicate parameter &apos;%1&apos;</source>
        <translation>doppelter Parameter „%1“</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos; must be a whole path segment (&apos;/{%1}&apos;)</source>
        <translation>der Parameter „%1“ muss ein ganzes Pfadsegment sein („/{%1}“)</translation>
    </message>
    <message>
        <source>unbalanced &apos;}&apos; at position %1</source>
        <translation>nicht geöffnete „}“ bei Position %1</translation>
    </message>
    <message>
        <source>&apos;*&apos; must be a whole path segment (&apos;/*&apos;)</source>
        <translation>„*“ muss ein ganzes Pfadsegment sein („/*“)</translation>
    </message>
    <message>
        <source>the &apos;/*&apos; wildcard is only allowed as the last segment</source>
        <translation>der Platzhalter „/*“ ist nur als letztes Segment erlaubt</translation>
    </message>
    <message>
        <source>&apos;#&apos; is not allowed (position %1)</source>
        <translation>„#“ ist nicht erlaubt (Position %1)</translation>
    </message>
    <message>
        <source>whitespace is not allowed (position %1)</source>
        <translation>Leerraum ist nicht erlaubt (Position %1)</translation>
    </message>
    <message>
        <source>cannot read %1 in %2: %3</source>
        <translation>%1 in %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>ungültiges JSON: %1</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>die oberste Ebene muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>&apos;Default&apos; is implicit and must not be listed</source>
        <translation>„Default“ ist implizit und darf nicht aufgeführt werden</translation>
    </message>
    <message>
        <source>duplicate location &apos;%1&apos; (first listed at %2)</source>
        <translation>doppelter Standort „%1“ (zuerst aufgeführt bei %2)</translation>
    </message>
    <message>
        <source>unknown location &apos;%1&apos;: use &apos;default&apos; or a name listed in &apos;locations&apos;</source>
        <translation>unbekannter Standort „%1“: verwenden Sie „default“ oder einen Namen aus „locations“</translation>
    </message>
    <message>
        <source>location &apos;%1&apos; already has a cache (&apos;%2&apos;)</source>
        <translation>der Standort „%1“ hat bereits einen Cache („%2“)</translation>
    </message>
    <message>
        <source>is empty after resolving environment variables</source>
        <translation>ist nach dem Auflösen der Umgebungsvariablen leer</translation>
    </message>
    <message>
        <source>named value name is longer than 256 characters</source>
        <translation>der Name des benannten Werts ist länger als 256 Zeichen</translation>
    </message>
    <message>
        <source>invalid named value name &apos;%1&apos;: use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>ungültiger Name eines benannten Werts „%1“: verwenden Sie nur Buchstaben, Ziffern, „.“, „_“ und „-“</translation>
    </message>
    <message>
        <source>unknown group &apos;%1&apos;</source>
        <translation>unbekannte Gruppe „%1“</translation>
    </message>
    <message>
        <source>unknown API &apos;%1&apos;</source>
        <translation>unbekannte API „%1“</translation>
    </message>
    <message>
        <source>malformed scope &apos;%1&apos;: expected &apos;all&apos;, &apos;product:&lt;id&gt;&apos; or &apos;api:&lt;id&gt;&apos;</source>
        <translation>fehlerhafter Bereich „%1“: erwartet: „all“, „product:&lt;id&gt;“ oder „api:&lt;id&gt;“</translation>
    </message>
    <message>
        <source>unknown product &apos;%1&apos;</source>
        <translation>unbekanntes Produkt „%1“</translation>
    </message>
    <message>
        <source>unknown user &apos;%1&apos;</source>
        <translation>unbekannter Benutzer „%1“</translation>
    </message>
    <message>
        <source>the same key is already used at %1</source>
        <translation>derselbe Schlüssel wird bereits bei %1 verwendet</translation>
    </message>
    <message>
        <source>invalid state &apos;%1&apos;: expected one of %2</source>
        <translation>ungültiger Zustand „%1“: erwartet wird einer von %2</translation>
    </message>
    <message>
        <source>environment variable &apos;%1&apos; is not set</source>
        <translation>die Umgebungsvariable „%1“ ist nicht gesetzt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is listed twice</source>
        <translation>„%1“ ist zweimal aufgeführt</translation>
    </message>
    <message>
        <source>expected a string, found null</source>
        <translation>Zeichenkette erwartet, null gefunden</translation>
    </message>
    <message>
        <source>expected a string, found a boolean</source>
        <translation>Zeichenkette erwartet, Wahrheitswert gefunden</translation>
    </message>
    <message>
        <source>expected a string, found a number</source>
        <translation>Zeichenkette erwartet, Zahl gefunden</translation>
    </message>
    <message>
        <source>expected a string, found a string</source>
        <translation>Zeichenkette erwartet, Zeichenkette gefunden</translation>
    </message>
    <message>
        <source>expected a string, found an array</source>
        <translation>Zeichenkette erwartet, Array gefunden</translation>
    </message>
    <message>
        <source>expected a string, found an object</source>
        <translation>Zeichenkette erwartet, Objekt gefunden</translation>
    </message>
    <message>
        <source>expected a string, found nothing</source>
        <translation>Zeichenkette erwartet, nichts gefunden</translation>
    </message>
    <message>
        <source>expected a boolean, found null</source>
        <translation>Wahrheitswert erwartet, null gefunden</translation>
    </message>
    <message>
        <source>expected a boolean, found a boolean</source>
        <translation>Wahrheitswert erwartet, Wahrheitswert gefunden</translation>
    </message>
    <message>
        <source>expected a boolean, found a number</source>
        <translation>Wahrheitswert erwartet, Zahl gefunden</translation>
    </message>
    <message>
        <source>expected a boolean, found a string</source>
        <translation>Wahrheitswert erwartet, Zeichenkette gefunden</translation>
    </message>
    <message>
        <source>expected a boolean, found an array</source>
        <translation>Wahrheitswert erwartet, Array gefunden</translation>
    </message>
    <message>
        <source>expected a boolean, found an object</source>
        <translation>Wahrheitswert erwartet, Objekt gefunden</translation>
    </message>
    <message>
        <source>expected a boolean, found nothing</source>
        <translation>Wahrheitswert erwartet, nichts gefunden</translation>
    </message>
    <message>
        <source>expected an integer, found null</source>
        <translation>Ganze Zahl erwartet, null gefunden</translation>
    </message>
    <message>
        <source>expected an integer, found a boolean</source>
        <translation>Ganze Zahl erwartet, Wahrheitswert gefunden</translation>
    </message>
    <message>
        <source>expected an integer, found a number</source>
        <translation>Ganze Zahl erwartet, Zahl gefunden</translation>
    </message>
    <message>
        <source>expected an integer, found a string</source>
        <translation>Ganze Zahl erwartet, Zeichenkette gefunden</translation>
    </message>
    <message>
        <source>expected an integer, found an array</source>
        <translation>Ganze Zahl erwartet, Array gefunden</translation>
    </message>
    <message>
        <source>expected an integer, found an object</source>
        <translation>Ganze Zahl erwartet, Objekt gefunden</translation>
    </message>
    <message>
        <source>expected an integer, found nothing</source>
        <translation>Ganze Zahl erwartet, nichts gefunden</translation>
    </message>
    <message>
        <source>expected an array, found null</source>
        <translation>Array erwartet, null gefunden</translation>
    </message>
    <message>
        <source>expected an array, found a boolean</source>
        <translation>Array erwartet, Wahrheitswert gefunden</translation>
    </message>
    <message>
        <source>expected an array, found a number</source>
        <translation>Array erwartet, Zahl gefunden</translation>
    </message>
    <message>
        <source>expected an array, found a string</source>
        <translation>Array erwartet, Zeichenkette gefunden</translation>
    </message>
    <message>
        <source>expected an array, found an array</source>
        <translation>Array erwartet, Array gefunden</translation>
    </message>
    <message>
        <source>expected an array, found an object</source>
        <translation>Array erwartet, Objekt gefunden</translation>
    </message>
    <message>
        <source>expected an array, found nothing</source>
        <translation>Array erwartet, nichts gefunden</translation>
    </message>
    <message>
        <source>expected an object, found null</source>
        <translation>Objekt erwartet, null gefunden</translation>
    </message>
    <message>
        <source>expected an object, found a boolean</source>
        <translation>Objekt erwartet, Wahrheitswert gefunden</translation>
    </message>
    <message>
        <source>expected an object, found a number</source>
        <translation>Objekt erwartet, Zahl gefunden</translation>
    </message>
    <message>
        <source>expected an object, found a string</source>
        <translation>Objekt erwartet, Zeichenkette gefunden</translation>
    </message>
    <message>
        <source>expected an object, found an array</source>
        <translation>Objekt erwartet, Array gefunden</translation>
    </message>
    <message>
        <source>expected an object, found an object</source>
        <translation>Objekt erwartet, Objekt gefunden</translation>
    </message>
    <message>
        <source>expected an object, found nothing</source>
        <translation>Objekt erwartet, nichts gefunden</translation>
    </message>
</context>
<context>
    <name>WorkspacePolicies</name>
    <message>
        <source>a scope&apos;s policy must have a &lt;policies&gt; root, not &lt;fragment&gt;</source>
        <translation>die Richtlinie eines Bereichs muss ein &lt;policies&gt;-Wurzelelement haben, nicht &lt;fragment&gt;</translation>
    </message>
    <message>
        <source>policy file for no known scope: expected global.xml, products/&lt;product&gt;.xml, apis/&lt;api&gt;.xml or apis/&lt;api&gt;/&lt;operation&gt;.xml</source>
        <translation>Richtliniendatei für keinen bekannten Bereich: erwartet: global.xml, products/&lt;Produkt&gt;.xml, apis/&lt;API&gt;.xml oder apis/&lt;API&gt;/&lt;Operation&gt;.xml</translation>
    </message>
</context>
<context>
    <name>WorkspaceWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Sluice console</source>
        <translation>Sluice-Konsole</translation>
    </message>
    <message>
        <source>Show the console in LANGUAGE (for example de or en).</source>
        <translation>Die Konsole in SPRACHE anzeigen (zum Beispiel de oder en).</translation>
    </message>
    <message>
        <source>LANGUAGE</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <source>Start the gateway, send two requests, save each page to DIR and quit.</source>
        <translation>Das Gateway starten, zwei Anfragen senden, jede Seite in VERZEICHNIS speichern und beenden.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>VERZEICHNIS</translation>
    </message>
    <message>
        <source>Workspace folder (default: the sample workspace).</source>
        <translation>Arbeitsbereichsordner (Vorgabe: der Beispielarbeitsbereich).</translation>
    </message>
    <message>
        <source>Sample workspace</source>
        <translation>Beispielarbeitsbereich</translation>
    </message>
</context>
<context>
    <name>sluice::AdminCacheSource</name>
    <message>
        <source>The gateway&apos;s admin endpoint did not answer: %1</source>
        <translation>Der Admin-Endpunkt des Gateways hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>The gateway&apos;s admin endpoint answered HTTP %1.</source>
        <translation>Der Admin-Endpunkt des Gateways hat mit HTTP %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>sluice::ApisPage</name>
    <message>
        <source>Workspace items</source>
        <translation>Workspace-Elemente</translation>
    </message>
    <message>
        <source>+ &amp;Add</source>
        <translation>+ &amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>The built-in groups %1 always exist and cannot be removed.</source>
        <translation>Die integrierten Gruppen %1 sind immer vorhanden und können nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Add an API first: every operation belongs to one.</source>
        <translation>Fügen Sie zuerst eine API hinzu: jeder Vorgang gehört zu einer.</translation>
    </message>
    <message>
        <source>Removed &apos;%1&apos;; it was also taken out of %2.</source>
        <translation>„%1“ entfernt; es wurde auch aus %2 herausgenommen.</translation>
    </message>
</context>
<context>
    <name>sluice::CacheBrowserPage</name>
    <message>
        <source>Load &amp;more</source>
        <translation>&amp;Mehr laden</translation>
    </message>
    <message>
        <source>Load more entries</source>
        <translation>Weitere Einträge laden</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected entry</source>
        <translation>Den ausgewählten Eintrag löschen</translation>
    </message>
    <message>
        <source>Delete by prefi&amp;x...</source>
        <translation>Nach Präfi&amp;x löschen...</translation>
    </message>
    <message>
        <source>Delete every entry whose key starts with the prefix</source>
        <translation>Alle Einträge löschen, deren Schlüssel mit dem Präfix beginnt</translation>
    </message>
    <message>
        <source>P&amp;urge all...</source>
        <translation>Alle l&amp;eeren...</translation>
    </message>
    <message>
        <source>Delete every entry of the store</source>
        <translation>Alle Einträge des Speichers löschen</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Key prefix</source>
        <translation>Schlüsselpräfix</translation>
    </message>
    <message>
        <source>every key, or a prefix such as sluice:r1:orders:</source>
        <translation>jeder Schlüssel oder ein Präfix wie sluice:r1:orders:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>List the entries again</source>
        <translation>Die Einträge erneut auflisten</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>&amp;Speicher:</translation>
    </message>
    <message>
        <source>Key &amp;prefix:</source>
        <translation>Schlüssel&amp;präfix:</translation>
    </message>
    <message>
        <source>Cache entries</source>
        <translation>Cache-Einträge</translation>
    </message>
    <message>
        <source>Value of the selected entry</source>
        <translation>Wert des ausgewählten Eintrags</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Eintrag löschen</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Integriert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The gateway is stopped. The built-in cache lives in the running gateway&apos;s memory: start the gateway to browse it.</source>
        <translation>Das Gateway ist angehalten. Der integrierte Cache liegt im Arbeitsspeicher des laufenden Gateways: starten Sie das Gateway, um ihn zu durchsuchen.</translation>
    </message>
    <message>
        <source>The connection string of %1 is in the system keychain, which this console cannot use.</source>
        <translation>Die Verbindungszeichenfolge von %1 liegt im Schlüsselbund des Systems, den diese Konsole nicht verwenden kann.</translation>
    </message>
    <message>
        <source>Reading the connection string of %1 from the system keychain...</source>
        <translation>Die Verbindungszeichenfolge von %1 wird aus dem Schlüsselbund des Systems gelesen...</translation>
    </message>
    <message>
        <source>The connection string of %1 could not be read from the system keychain: %2</source>
        <translation>Die Verbindungszeichenfolge von %1 konnte nicht aus dem Schlüsselbund des Systems gelesen werden: %2</translation>
    </message>
    <message>
        <source>The connection string of %1 is not valid: %2</source>
        <translation>Die Verbindungszeichenfolge von %1 ist ungültig: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reading the entry...</source>
        <translation>Der Eintrag wird gelesen...</translation>
    </message>
    <message>
        <source>The entry could not be read: %1</source>
        <translation>Der Eintrag konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Type the prefix of the keys to delete in Key prefix first.</source>
        <translation>Geben Sie zuerst das Präfix der zu löschenden Schlüssel unter Schlüsselpräfix ein.</translation>
    </message>
    <message>
        <source>Delete by prefix</source>
        <translation>Nach Präfix löschen</translation>
    </message>
    <message>
        <source>Delete every entry of %1 whose key starts with &quot;%2&quot;?</source>
        <translation>Alle Einträge von %1 löschen, deren Schlüssel mit „%2“ beginnt?</translation>
    </message>
    <message>
        <source>Delete every entry of the built-in cache?</source>
        <translation>Alle Einträge des integrierten Caches löschen?</translation>
    </message>
    <message>
        <source>Delete every Sluice entry (keys starting with sluice:) of %1? Other data in that Redis stays.</source>
        <translation>Alle Sluice-Einträge (Schlüssel, die mit sluice: beginnen) von %1 löschen? Andere Daten in diesem Redis bleiben erhalten.</translation>
    </message>
    <message>
        <source>Purge all</source>
        <translation>Alle leeren</translation>
    </message>
</context>
<context>
    <name>sluice::CacheEntriesModel</name>
    <message>
        <source>Loading...</source>
        <translation>Wird geladen...</translation>
    </message>
    <message numerus="yes">
        <source>%n entries shown, more to load</source>
        <translation>
            <numerusform>%n Eintrag angezeigt, weitere zu laden</numerusform>
            <numerusform>%n Einträge angezeigt, weitere zu laden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed the entry.</source>
        <translation>Der Eintrag wurde entfernt.</translation>
    </message>
    <message>
        <source>The entry was gone already.</source>
        <translation>Der Eintrag war bereits weg.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n entries.</source>
        <translation>
            <numerusform>%n Eintrag entfernt.</numerusform>
            <numerusform>%n Einträge entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>value %1</source>
        <translation>Wert %1</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Backend URL and varied parts</source>
        <translation>Backend-URL und variierte Teile</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation>Lebensdauer</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>kein Ablauf</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>sluice::ConnectionStringKeychain</name>
    <message>
        <source>the system keychain has no entry for this cache</source>
        <translation>der Systemschlüsselbund hat keinen Eintrag für diesen Cache</translation>
    </message>
</context>
<context>
    <name>sluice::ConsoleGateway</name>
    <message>
        <source>The gateway is already running.</source>
        <translation>Das Gateway läuft bereits.</translation>
    </message>
    <message>
        <source>The workspace has errors; see Problems.
%1</source>
        <translation>Der Arbeitsbereich hat Fehler; siehe Probleme.
%1</translation>
    </message>
    <message>
        <source>gateway listening on %1 at location %2 (threads: %3)</source>
        <translation>Gateway lauscht auf %1 am Standort %2 (Threads: %3)</translation>
    </message>
    <message>
        <source>gateway stopped</source>
        <translation>Gateway gestoppt</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Stopping: finishing the requests in flight...</source>
        <translation>Wird gestoppt: laufende Anfragen werden beendet …</translation>
    </message>
    <message>
        <source>Listening on %1 at location %2.</source>
        <translation>Lauscht auf %1 am Standort %2.</translation>
    </message>
</context>
<context>
    <name>sluice::DashboardModel</name>
    <message>
        <source>The gateway is not running: start it on the Gateway page.</source>
        <translation>Das Gateway läuft nicht: starten Sie es auf der Seite „Gateway“.</translation>
    </message>
    <message>
        <source>No cache lookups yet: send a request to an operation with cache-lookup.</source>
        <translation>Noch keine Cache-Abfragen: senden Sie eine Anfrage an eine Operation mit cache-lookup.</translation>
    </message>
    <message>
        <source>No cache lookups in the last minute; %1 % of all lookups were served from cache.</source>
        <translation>Keine Cache-Abfragen in der letzten Minute; %1 % aller Abfragen wurden aus dem Cache geliefert.</translation>
    </message>
    <message numerus="yes">
        <source>No hits in the last minute: %n lookups, all misses. Repeat a request to see a hit; if it still misses, check that cache-store runs in the outbound section.</source>
        <translation>
            <numerusform>Keine Treffer in der letzten Minute: %n Abfrage, ein Fehltreffer. Wiederholen Sie eine Anfrage, um einen Treffer zu sehen; ist es weiterhin ein Fehltreffer, prüfen Sie, ob cache-store im Abschnitt „Ausgehend“ ausgeführt wird.</numerusform>
            <numerusform>Keine Treffer in der letzten Minute: %n Abfragen, alle Fehltreffer. Wiederholen Sie eine Anfrage, um einen Treffer zu sehen; ist es weiterhin ein Fehltreffer, prüfen Sie, ob cache-store im Abschnitt „Ausgehend“ ausgeführt wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>Caching works: %1 % of lookups served from cache in the last minute.</source>
        <translation>Der Cache funktioniert: %1 % der Abfragen wurden in der letzten Minute aus dem Cache geliefert.</translation>
    </message>
</context>
<context>
    <name>sluice::DashboardPage</name>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Fehltreffer</translation>
    </message>
    <message>
        <source>Bypasses</source>
        <translation>Umgehungen</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Backend calls avoided</source>
        <translation>Eingesparte Backend-Aufrufe</translation>
    </message>
    <message>
        <source>Cache errors</source>
        <translation>Cache-Fehler</translation>
    </message>
    <message>
        <source>Built-in cache</source>
        <translation>Eingebauter Cache</translation>
    </message>
    <message>
        <source>Hits:</source>
        <translation>Treffer:</translation>
    </message>
    <message>
        <source>Misses:</source>
        <translation>Fehltreffer:</translation>
    </message>
    <message>
        <source>Bypasses:</source>
        <translation>Umgehungen:</translation>
    </message>
    <message>
        <source>Hit ratio:</source>
        <translation>Trefferquote:</translation>
    </message>
    <message>
        <source>Backend calls avoided:</source>
        <translation>Eingesparte Backend-Aufrufe:</translation>
    </message>
    <message>
        <source>Cache errors:</source>
        <translation>Cache-Fehler:</translation>
    </message>
    <message>
        <source>Built-in cache:</source>
        <translation>Eingebauter Cache:</translation>
    </message>
    <message>
        <source>Reset &amp;counters</source>
        <translation>&amp;Zähler zurücksetzen</translation>
    </message>
    <message>
        <source>Reset the dashboard counters</source>
        <translation>Die Zähler des Dashboards zurücksetzen</translation>
    </message>
    <message>
        <source>Hits per second</source>
        <translation>Treffer pro Sekunde</translation>
    </message>
    <message>
        <source>Misses per second</source>
        <translation>Fehltreffer pro Sekunde</translation>
    </message>
    <message>
        <source>Seconds ago</source>
        <translation>Sekunden zuvor</translation>
    </message>
    <message>
        <source>Per second</source>
        <translation>Pro Sekunde</translation>
    </message>
    <message>
        <source>Hits and misses per second</source>
        <translation>Treffer und Fehltreffer pro Sekunde</translation>
    </message>
    <message>
        <source>Cache figures per API operation</source>
        <translation>Cache-Kennzahlen pro API-Operation</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>entries: %1, %2 of %3</source>
        <translation>Einträge: %1, %2 von %3</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>External caches</source>
        <translation>Externe Caches</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>Antwortzeit</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Served from cache</source>
        <translation>Aus dem Cache geliefert</translation>
    </message>
    <message>
        <source>From the backend (miss)</source>
        <translation>Vom Backend (Fehltreffer)</translation>
    </message>
    <message>
        <source>Cache bypassed</source>
        <translation>Cache umgangen</translation>
    </message>
    <message>
        <source>No cache-lookup</source>
        <translation>Kein cache-lookup</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No external caches in this workspace.</source>
        <translation>Keine externen Caches in diesem Workspace.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: connecting...</source>
        <translation>%1: Verbindung wird hergestellt...</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n keys, %2 used</source>
        <translation>
            <numerusform>%1: %n Schlüssel, %2 belegt</numerusform>
            <numerusform>%1: %n Schlüssel, %2 belegt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: unreachable: %2</source>
        <translation>%1: nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>sluice::EffectivePolicyView</name>
    <message>
        <source>Product of the subscription</source>
        <translation>Produkt des Abonnements</translation>
    </message>
    <message>
        <source>Effective policy</source>
        <translation>Effektive Richtlinie</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Produkt:</translation>
    </message>
    <message>
        <source>No product (subscription to all APIs or none)</source>
        <translation>Kein Produkt (Abonnement für alle APIs oder keines)</translation>
    </message>
    <message>
        <source>Global (default)</source>
        <translation>Global (Standard)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
</context>
<context>
    <name>sluice::ExpressionField</name>
    <message>
        <source>this attribute does not accept policy expressions</source>
        <translation>dieses Attribut akzeptiert keine Richtlinienausdrücke</translation>
    </message>
</context>
<context>
    <name>sluice::ExternalCacheDialog</name>
    <message>
        <source>Add external cache</source>
        <translation>Externen Cache hinzufügen</translation>
    </message>
    <message>
        <source>Edit external cache</source>
        <translation>Externen Cache bearbeiten</translation>
    </message>
    <message>
        <source>Cache id</source>
        <translation>Cache-ID</translation>
    </message>
    <message>
        <source>e.g. redis-west</source>
        <translation>z. B. redis-west</translation>
    </message>
    <message>
        <source>Cache &amp;id:</source>
        <translation>Cache-&amp;ID:</translation>
    </message>
    <message>
        <source>Cache instance</source>
        <translation>Cache-Instanz</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Cache i&amp;nstance:</source>
        <translation>Cache-I&amp;nstanz:</translation>
    </message>
    <message>
        <source>Use from</source>
        <translation>Verwenden von</translation>
    </message>
    <message>
        <source>&amp;Use from:</source>
        <translation>&amp;Verwenden von:</translation>
    </message>
    <message>
        <source>Keep the connection string in</source>
        <translation>Verbindungszeichenfolge aufbewahren in</translation>
    </message>
    <message>
        <source>The system keychain</source>
        <translation>Dem Systemschlüsselbund</translation>
    </message>
    <message>
        <source>The workspace file (readable by anyone who can read it)</source>
        <translation>Der Arbeitsbereichsdatei (lesbar für jeden, der sie lesen kann)</translation>
    </message>
    <message>
        <source>An environment variable</source>
        <translation>Einer Umgebungsvariable</translation>
    </message>
    <message>
        <source>&amp;Keep it in:</source>
        <translation>&amp;Aufbewahren in:</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>host:6380,password=...,ssl=True,abortConnect=False</source>
        <translation>host:6380,password=...,ssl=True,abortConnect=False</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the connection string</source>
        <translation>Die Verbindungszeichenfolge anzeigen</translation>
    </message>
    <message>
        <source>&amp;Connection string:</source>
        <translation>&amp;Verbindungszeichenfolge:</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>e.g. REDIS_CONNECTION_STRING</source>
        <translation>z. B. REDIS_CONNECTION_STRING</translation>
    </message>
    <message>
        <source>Environment &amp;variable:</source>
        <translation>Umgebungs&amp;variable:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Already served by the cache &apos;%1&apos;</source>
        <translation>Wird bereits vom Cache „%1“ bedient</translation>
    </message>
    <message>
        <source>No system keychain is available here. Keep the connection string in the workspace file, or reference an environment variable that the gateway reads when it starts.</source>
        <translation>Hier ist kein Systemschlüsselbund verfügbar. Bewahren Sie die Verbindungszeichenfolge in der Arbeitsbereichsdatei auf, oder verweisen Sie auf eine Umgebungsvariable, die das Gateway beim Start liest.</translation>
    </message>
    <message>
        <source>No system keychain is available here (%1). Keep the connection string in the workspace file, or reference an environment variable that the gateway reads when it starts.</source>
        <translation>Hier ist kein Systemschlüsselbund verfügbar (%1). Bewahren Sie die Verbindungszeichenfolge in der Arbeitsbereichsdatei auf, oder verweisen Sie auf eine Umgebungsvariable, die das Gateway beim Start liest.</translation>
    </message>
    <message>
        <source>redis-server on %1 (Redis %2)</source>
        <translation>redis-server auf %1 (Redis %2)</translation>
    </message>
    <message>
        <source>Enter the name of the environment variable that holds the connection string.</source>
        <translation>Geben Sie den Namen der Umgebungsvariable ein, die die Verbindungszeichenfolge enthält.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a variable name: use letters, digits and &apos;_&apos;, not starting with a digit.</source>
        <translation>„%1“ ist kein Variablenname: verwenden Sie Buchstaben, Ziffern und „_“, nicht mit einer Ziffer am Anfang.</translation>
    </message>
    <message>
        <source>%1 is not set in the console&apos;s environment: set it where the gateway runs.</source>
        <translation>%1 ist in der Umgebung der Konsole nicht gesetzt: setzen Sie sie dort, wo das Gateway läuft.</translation>
    </message>
    <message>
        <source>Enter the connection string, e.g. host:6380,password=...,ssl=True.</source>
        <translation>Geben Sie die Verbindungszeichenfolge ein, z. B. host:6380,password=...,ssl=True.</translation>
    </message>
    <message>
        <source>Environment variable %1 is not set in the console&apos;s environment.</source>
        <translation>Die Umgebungsvariable %1 ist in der Umgebung der Konsole nicht gesetzt.</translation>
    </message>
    <message>
        <source>Enter an id for the cache.</source>
        <translation>Geben Sie eine ID für den Cache ein.</translation>
    </message>
    <message>
        <source>Use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; in the id.</source>
        <translation>Verwenden Sie in der ID nur Buchstaben, Ziffern, „.“, „_“ und „-“.</translation>
    </message>
    <message>
        <source>Another cache already has the id &apos;%1&apos;.</source>
        <translation>Ein anderer Cache hat bereits die ID „%1“.</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>Wird getestet …</translation>
    </message>
</context>
<context>
    <name>sluice::ExternalCachesPage</name>
    <message>
        <source>A gateway uses the cache whose &quot;Use from&quot; is its own location; a location without one uses the Default cache. A location-specific cache overrides Default. Each location has at most one cache.</source>
        <translation>Ein Gateway verwendet den Cache, dessen „Verwenden von“ sein eigener Standort ist; ein Standort ohne eigenen Cache verwendet den Standard-Cache. Ein standortspezifischer Cache hat Vorrang vor dem Standard. Jeder Standort hat höchstens einen Cache.</translation>
    </message>
    <message>
        <source>External caches</source>
        <translation>Externe Caches</translation>
    </message>
    <message>
        <source>Cache id</source>
        <translation>Cache-ID</translation>
    </message>
    <message>
        <source>Use from</source>
        <translation>Verwenden von</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Umlaufzeit</translation>
    </message>
    <message>
        <source>+ &amp;Add</source>
        <translation>+ &amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Test all</source>
        <translation>Alle &amp;testen</translation>
    </message>
    <message>
        <source>Locations (besides Default); double-click one to rename it:</source>
        <translation>Standorte (außer Standard); zum Umbenennen doppelklicken:</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>New location</source>
        <translation>Neuer Standort</translation>
    </message>
    <message>
        <source>e.g. West Europe</source>
        <translation>z. B. Westeuropa</translation>
    </message>
    <message>
        <source>Add &amp;location</source>
        <translation>&amp;Standort hinzufügen</translation>
    </message>
    <message>
        <source>(in the system keychain)</source>
        <translation>(im Systemschlüsselbund)</translation>
    </message>
    <message>
        <source>(environment variable %1 is not set)</source>
        <translation>(Umgebungsvariable %1 ist nicht gesetzt)</translation>
    </message>
    <message>
        <source>Not tested</source>
        <translation>Nicht getestet</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Every location already has a cache: add a location first.</source>
        <translation>Jeder Standort hat bereits einen Cache: fügen Sie zuerst einen Standort hinzu.</translation>
    </message>
    <message>
        <source>Add cache %1</source>
        <translation>Cache %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit cache %1</source>
        <translation>Cache %1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove cache %1</source>
        <translation>Cache %1 entfernen</translation>
    </message>
    <message>
        <source>A location needs a name.</source>
        <translation>Ein Standort braucht einen Namen.</translation>
    </message>
    <message>
        <source>Default is always there; choose another name.</source>
        <translation>Standard gibt es immer; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The location &apos;%1&apos; already exists.</source>
        <translation>Der Standort „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Add location %1</source>
        <translation>Standort %1 hinzufügen</translation>
    </message>
    <message>
        <source>Rename location %1 to %2</source>
        <translation>Standort %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>The connection string of &apos;%1&apos; could not be stored in the system keychain: %2</source>
        <translation>Die Verbindungszeichenfolge von „%1“ konnte nicht im Systemschlüsselbund gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>sluice::ExternalStoreMonitor</name>
    <message>
        <source>the connection string is in the system keychain, which this console cannot use</source>
        <translation>die Verbindungszeichenfolge liegt im Schlüsselbund des Systems, den diese Konsole nicht verwenden kann</translation>
    </message>
    <message>
        <source>the connection string is not valid: %1</source>
        <translation>die Verbindungszeichenfolge ist ungültig: %1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
</context>
<context>
    <name>sluice::GatewayPage</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>St&amp;oppen</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Location to run as</source>
        <translation>Standort, als der das Gateway läuft</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Lauschadresse</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>Lauschport</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>ein beliebiger freier Port</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>Worker-Threads</translation>
    </message>
    <message>
        <source>Start the gateway</source>
        <translation>Das Gateway starten</translation>
    </message>
    <message>
        <source>Stop the gateway</source>
        <translation>Das Gateway stoppen</translation>
    </message>
    <message>
        <source>Restart the gateway</source>
        <translation>Das Gateway neu starten</translation>
    </message>
    <message>
        <source>Lowest log level shown</source>
        <translation>Niedrigste angezeigte Protokollstufe</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>API shown in the log</source>
        <translation>Im Protokoll angezeigte API</translation>
    </message>
    <message>
        <source>Pause the log</source>
        <translation>Das Protokoll anhalten</translation>
    </message>
    <message>
        <source>Gateway log</source>
        <translation>Gateway-Protokoll</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Standort:</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>Lausch&amp;adresse:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address.</source>
        <translation>„%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>Alle APIs</translation>
    </message>
    <message>
        <source>Outcome of the last reload</source>
        <translation>Ergebnis des letzten Neuladens</translation>
    </message>
    <message>
        <source>Saved changes are live: %1</source>
        <translation>Gespeicherte Änderungen sind aktiv: %1</translation>
    </message>
    <message>
        <source>Saved changes were not applied; the gateway keeps running the previous version: %1</source>
        <translation>Gespeicherte Änderungen wurden nicht übernommen; das Gateway führt weiterhin die vorherige Version aus: %1</translation>
    </message>
</context>
<context>
    <name>sluice::HttpServer</name>
    <message>
        <source>address already in use</source>
        <translation>Adresse wird bereits verwendet</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>address not available</source>
        <translation>Adresse nicht verfügbar</translation>
    </message>
    <message>
        <source>cannot listen on %1: the server was already started</source>
        <translation>auf %1 kann nicht gelauscht werden: der Server wurde bereits gestartet</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
</context>
<context>
    <name>sluice::HttpServerConnection</name>
    <message>
        <source>No request handler</source>
        <translation>Keine Anfragebehandlung</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>Zeitüberschreitung der Anfrage</translation>
    </message>
</context>
<context>
    <name>sluice::KeyField</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu generieren</translation>
    </message>
    <message>
        <source>Regenerate key</source>
        <translation>Schlüssel neu generieren</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>sluice::MainWindow</name>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>External caches</source>
        <translation>Externe Caches</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Test console</source>
        <translation>Testkonsole</translation>
    </message>
    <message>
        <source>Cache browser</source>
        <translation>Cache-Browser</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open folder...</source>
        <translation>Ordner ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Re&amp;load workspace</source>
        <translation>Arbeitsbereich neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>St&amp;oppen</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>Open workspace folder</source>
        <translation>Arbeitsbereichsordner öffnen</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>%1 holds no readable workspace.json.</source>
        <translation>%1 enthält keine lesbare workspace.json.</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
    <message>
        <source>Hit ratio %1 %</source>
        <translation>Trefferquote %1 %</translation>
    </message>
    <message>
        <source>Hit ratio –</source>
        <translation>Trefferquote –</translation>
    </message>
    <message>
        <source>Problems: %1, with errors</source>
        <translation>Probleme: %1, mit Fehlern</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>Probleme: %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>%1[*] — Sluice</source>
        <translation>%1[*] — Sluice</translation>
    </message>
    <message>
        <source>Save workspace</source>
        <translation>Workspace speichern</translation>
    </message>
    <message>
        <source>The workspace was not saved: %1</source>
        <translation>Der Workspace wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The workspace has unsaved changes. Save them?</source>
        <translation>Der Workspace hat ungespeicherte Änderungen. Möchten Sie sie speichern?</translation>
    </message>
</context>
<context>
    <name>sluice::PoliciesPage</name>
    <message>
        <source>Policy scopes</source>
        <translation>Richtlinienbereiche</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Policy file</source>
        <translation>Richtliniendatei</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>&amp;Formular</translation>
    </message>
    <message>
        <source>&amp;XML</source>
        <translation>&amp;XML</translation>
    </message>
    <message>
        <source>&amp;Effective policy</source>
        <translation>&amp;Effektive Richtlinie</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>%1 von %2 festlegen</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>%1 von %2 bearbeiten</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>No policy file: the first edit creates %1</source>
        <translation>Keine Richtliniendatei: die erste Änderung erstellt %1</translation>
    </message>
    <message>
        <source>Select a scope.</source>
        <translation>Wählen Sie einen Bereich aus.</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Es ist kein Workspace geöffnet.</translation>
    </message>
    <message>
        <source>%1 — no policy file yet (%2)</source>
        <translation>%1 — noch keine Richtliniendatei (%2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>sluice::PolicyFormView</name>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>On error</source>
        <translation>Bei Fehler</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Transformation</source>
        <translation>Transformation</translation>
    </message>
    <message>
        <source>Caching</source>
        <translation>Zwischenspeicherung</translation>
    </message>
    <message>
        <source>Rate limiting</source>
        <translation>Ratenbegrenzung</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>Schritt &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move the step up (Alt+Up)</source>
        <translation>Schritt nach oben verschieben (Alt+Pfeil nach oben)</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move the step down (Alt+Down)</source>
        <translation>Schritt nach unten verschieben (Alt+Pfeil nach unten)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the step (Delete)</source>
        <translation>Schritt entfernen (Entf)</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1 Schritte</translation>
    </message>
    <message>
        <source>This scope has no policy file yet: the first edit creates it.</source>
        <translation>Dieser Bereich hat noch keine Richtliniendatei: die erste Änderung erstellt sie.</translation>
    </message>
    <message>
        <source>The form cannot read this policy: fix the problems shown in the XML view.</source>
        <translation>Das Formular kann diese Richtlinie nicht lesen: beheben Sie die in der XML-Ansicht angezeigten Probleme.</translation>
    </message>
</context>
<context>
    <name>sluice::PolicyStepEditor</name>
    <message>
        <source>Step XML</source>
        <translation>Schritt-XML</translation>
    </message>
    <message>
        <source>Select a step to edit it.</source>
        <translation>Wählen Sie einen Schritt aus, um ihn zu bearbeiten.</translation>
    </message>
    <message>
        <source>&lt;base /&gt;: the steps of the parent scope run here.</source>
        <translation>&lt;base /&gt;: hier werden die Schritte des übergeordneten Bereichs ausgeführt.</translation>
    </message>
    <message>
        <source>%1 (shown as XML; edit it in the XML view)</source>
        <translation>%1 (als XML angezeigt; bearbeiten Sie es in der XML-Ansicht)</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>not set (required)</source>
        <translation>nicht festgelegt (erforderlich)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Write the value as text or a policy expression</source>
        <translation>Geben Sie den Wert als Text oder Richtlinienausdruck ein</translation>
    </message>
    <message>
        <source>Write the value as text</source>
        <translation>Geben Sie den Wert als Text ein</translation>
    </message>
    <message>
        <source>Text value of %1</source>
        <translation>Textwert von %1</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (erforderlich)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>true</source>
        <translation>true</translation>
    </message>
    <message>
        <source>false</source>
        <translation>false</translation>
    </message>
    <message>
        <source>not set (default: %1)</source>
        <translation>nicht festgelegt (Standard: %1)</translation>
    </message>
</context>
<context>
    <name>sluice::PolicyXmlView</name>
    <message>
        <source>Policy XML</source>
        <translation>Richtlinien-XML</translation>
    </message>
    <message>
        <source>Problems of this policy</source>
        <translation>Probleme dieser Richtlinie</translation>
    </message>
    <message>
        <source>%1:%2: error: %3</source>
        <translation>%1:%2: Fehler: %3</translation>
    </message>
    <message>
        <source>%1:%2: warning: %3</source>
        <translation>%1:%2: Warnung: %3</translation>
    </message>
</context>
<context>
    <name>sluice::PooledUpstreamClient</name>
    <message>
        <source>the upstream client was shut down</source>
        <translation>der Upstream-Client wurde beendet</translation>
    </message>
    <message>
        <source>not an absolute http or https URL: %1</source>
        <translation>keine absolute http- oder https-URL: %1</translation>
    </message>
    <message>
        <source>invalid request method for %1</source>
        <translation>ungültige Anfragemethode für %1</translation>
    </message>
    <message>
        <source>no PEM certificate could be read from %1</source>
        <translation>aus %1 konnte kein PEM-Zertifikat gelesen werden</translation>
    </message>
    <message>
        <source>no complete response from %1 within %2 ms</source>
        <translation>keine vollständige Antwort von %1 innerhalb von %2 ms</translation>
    </message>
</context>
<context>
    <name>sluice::ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
</context>
<context>
    <name>sluice::RedisCacheSource</name>
    <message>
        <source>unexpected SCAN reply</source>
        <translation>unerwartete Antwort auf SCAN</translation>
    </message>
</context>
<context>
    <name>sluice::RedisClient</name>
    <message>
        <source>No Redis endpoint is configured</source>
        <translation>Kein Redis-Endpunkt ist konfiguriert</translation>
    </message>
    <message>
        <source>Not connected to Redis</source>
        <translation>Nicht mit Redis verbunden</translation>
    </message>
    <message numerus="yes">
        <source>No Redis master %1 (the cluster has %n master(s))</source>
        <translation>
            <numerusform>Kein Redis-Master %1 (der Cluster hat %n Master)</numerusform>
            <numerusform>Kein Redis-Master %1 (der Cluster hat %n Master)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::RedisConnection</name>
    <message>
        <source>cannot read a CA certificate (PEM) from %1</source>
        <translation>aus %1 kann kein CA-Zertifikat (PEM) gelesen werden</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>authentication failed (%1)</source>
        <translation>Authentifizierung fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>authentication required: the connection string has no password</source>
        <translation>Authentifizierung erforderlich: die Verbindungszeichenfolge hat kein Passwort</translation>
    </message>
    <message>
        <source>SELECT %1 failed (%2)</source>
        <translation>SELECT %1 fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>PING failed (%1)</source>
        <translation>PING fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>a command timed out after %1 ms; reconnecting</source>
        <translation>ein Befehl hat nach %1 ms das Zeitlimit überschritten; Verbindung wird neu aufgebaut</translation>
    </message>
    <message>
        <source>no reply within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>protocol error: %1</source>
        <translation>Protokollfehler: %1</translation>
    </message>
    <message>
        <source>protocol error: a reply that no command asked for</source>
        <translation>Protokollfehler: eine Antwort, nach der kein Befehl gefragt hat</translation>
    </message>
    <message>
        <source>connecting timed out after %1 ms</source>
        <translation>Zeitüberschreitung beim Verbinden nach %1 ms</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>empty command</source>
        <translation>leerer Befehl</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>not connected: %1</source>
        <translation>nicht verbunden: %1</translation>
    </message>
</context>
<context>
    <name>sluice::RedisConnectionProbe</name>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>the server answered PING with an error: %1</source>
        <translation>der Server hat PING mit einem Fehler beantwortet: %1</translation>
    </message>
</context>
<context>
    <name>sluice::RouteTableModel</name>
    <message>
        <source>(no API)</source>
        <translation>(keine API)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Fehltreffer</translation>
    </message>
    <message>
        <source>Bypasses</source>
        <translation>Umgehungen</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Backend calls avoided</source>
        <translation>Eingesparte Backend-Aufrufe</translation>
    </message>
</context>
<context>
    <name>sluice::ScreenshotTour</name>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>timed out waiting for %1</source>
        <translation>Zeitüberschreitung beim Warten auf %1</translation>
    </message>
    <message>
        <source>the gateway to start</source>
        <translation>den Start des Gateways</translation>
    </message>
    <message>
        <source>the dashboard to count both requests</source>
        <translation>die Zählung beider Anfragen im Dashboard</translation>
    </message>
    <message>
        <source>the Send button</source>
        <translation>die Schaltfläche „Senden“</translation>
    </message>
    <message>
        <source>a response in the Test console</source>
        <translation>eine Antwort in der Testkonsole</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>sluice::TestConsolePage</name>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>Se&amp;nden</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Template parameters</source>
        <translation>Vorlagenparameter</translation>
    </message>
    <message>
        <source>Query string</source>
        <translation>Abfragezeichenfolge</translation>
    </message>
    <message>
        <source>name=value&amp;other=value</source>
        <translation>name=wert&amp;anderer=wert</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>Abonnementschlüssel</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Anfrage-Header</translation>
    </message>
    <message>
        <source>One header per line: Name: value</source>
        <translation>Ein Header pro Zeile: Name: Wert</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Anfragerumpf</translation>
    </message>
    <message>
        <source>How many times to send</source>
        <translation>Wie oft gesendet wird</translation>
    </message>
    <message>
        <source>Send the request</source>
        <translation>Die Anfrage senden</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Antwort-Header</translation>
    </message>
    <message>
        <source>Response body</source>
        <translation>Antwortrumpf</translation>
    </message>
    <message>
        <source>Requests sent</source>
        <translation>Gesendete Anfragen</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>&amp;API:</translation>
    </message>
    <message>
        <source>O&amp;peration:</source>
        <translation>O&amp;peration:</translation>
    </message>
    <message>
        <source>Pa&amp;rameters:</source>
        <translation>Pa&amp;rameter:</translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation>Ab&amp;frage:</translation>
    </message>
    <message>
        <source>Su&amp;bscription key:</source>
        <translation>A&amp;bonnementschlüssel:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>B&amp;ody:</source>
        <translation>R&amp;umpf:</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <source>%1 (/%2)</source>
        <translation>%1 (/%2)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Start the gateway on the Gateway page first.</source>
        <translation>Starten Sie zuerst das Gateway auf der Seite „Gateway“.</translation>
    </message>
    <message>
        <source>No response: %1 (%2 ms)</source>
        <translation>Keine Antwort: %1 (%2 ms)</translation>
    </message>
    <message>
        <source>%1 %2 in %3 ms</source>
        <translation>%1 %2 in %3 ms</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 %2 → %3, %4 ms, %5</source>
        <translation>%1 %2 → %3, %4 ms, %5</translation>
    </message>
    <message>
        <source>no Cache-Status</source>
        <translation>kein Cache-Status</translation>
    </message>
    <message>
        <source>&amp;Trace</source>
        <translation>&amp;Ablauf verfolgen</translation>
    </message>
    <message>
        <source>Trace the request</source>
        <translation>Anfrage verfolgen</translation>
    </message>
    <message>
        <source>Sends Ocp-Apim-Trace: true; the Trace tab then shows every policy step the gateway ran.</source>
        <translation>Sendet Ocp-Apim-Trace: true; die Registerkarte „Ablaufverfolgung“ zeigt dann jeden Richtlinienschritt, den das Gateway ausgeführt hat.</translation>
    </message>
    <message>
        <source>Respon&amp;se</source>
        <translation>Ant&amp;wort</translation>
    </message>
    <message>
        <source>Tra&amp;ce</source>
        <translation>Ablaufverfol&amp;gung</translation>
    </message>
    <message>
        <source>Trace was not checked for the last request.</source>
        <translation>„Ablauf verfolgen“ war für die letzte Anfrage nicht aktiviert.</translation>
    </message>
    <message>
        <source>The gateway traced nothing for the last response (no API operation answered it, or the trace is gone).</source>
        <translation>Das Gateway hat für die letzte Antwort nichts aufgezeichnet (keine API-Operation hat sie beantwortet, oder die Ablaufverfolgung ist nicht mehr vorhanden).</translation>
    </message>
    <message numerus="yes">
        <source> time(s)</source>
        <comment>after the count of Send N times</comment>
        <translation>
            <numerusform> Mal</numerusform>
            <numerusform> Mal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::TracePanel</name>
    <message>
        <source>Policy steps of the last traced request</source>
        <translation>Richtlinienschritte der letzten verfolgten Anfrage</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Send a request with Trace checked to see its policy steps here.</source>
        <translation>Senden Sie eine Anfrage mit aktiviertem „Ablauf verfolgen“, um hier ihre Richtlinienschritte zu sehen.</translation>
    </message>
    <message>
        <source>Trace %1: %2 %3, status %4, %L5 µs in total</source>
        <translation>Ablaufverfolgung %1: %2 %3, Status %4, insgesamt %L5 µs</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>nicht abgeschlossen</translation>
    </message>
    <message>
        <source>%L1 µs</source>
        <translation>%L1 µs</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>sluice::UpstreamConnection</name>
    <message>
        <source>connecting to %1 timed out after %2 ms</source>
        <translation>Zeitüberschreitung beim Verbinden mit %1 nach %2 ms</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>Verbindung zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>%1 closed a kept-alive connection before responding</source>
        <translation>%1 hat eine gehaltene Verbindung vor der Antwort geschlossen</translation>
    </message>
    <message>
        <source>connection to %1 failed: %2</source>
        <translation>Verbindung zu %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>sluice::WorkspaceDocument</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Der Ordner für %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Es ist kein Workspace geöffnet.</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
</context>
</TS>

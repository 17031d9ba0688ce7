namespace Bitrix24.Generator.Fuzz;

/// <summary>
/// Words the mutator writes into specs: those a C# generator must be careful with (keywords, members
/// of object and Enum, names the runtime and the generated code use, real Bitrix24 scopes) and text
/// that is awkward in YAML, XML docs or file names. Random bytes rarely hit these; a dictionary does.
/// </summary>
internal static class FuzzTokens
{
    /// <summary>Identifiers in PascalCase; the mutator also writes them in camelCase, snake_case and UPPER_CASE.</summary>
    public static readonly string[] Names =
    [
        // object, Enum and ValueType members
        "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
        "HasFlag", "CompareTo", "GetTypeCode", "Parse", "TryParse", "GetName", "GetNames", "GetValues", "IsDefined", "Format", "ToObject",
        // the runtime's types and the framework names it uses
        "Task", "ValueTask", "System", "Microsoft", "Uri", "Exception", "Array", "Enum", "Attribute", "Options", "CancellationToken",
        "TimeSpan", "DateTimeOffset", "Math", "String", "Object", "Int32", "Action", "Func", "ILogger", "HttpClient", "Activity",
        "JsonTokenType", "Utf8JsonWriter", "Utf8JsonReader", "JsonElement", "Encoding", "Timeout", "Volatile", "Interlocked", "Global",
        "Bitrix24", "Bitrix24Client", "Bitrix24Batch", "Bitrix24BatchItem", "Bitrix24ErrorCode", "Bitrix24ErrorCodes", "Bitrix24MethodCatalog",
        "Bitrix24Json", "Bitrix24Response", "Bitrix24Method", "Bitrix24Log", "Bitrix24ValueType", "Bitrix24ApiException", "Bitrix24ClientOptions",
        // names the generated code uses
        "Descriptor", "WriteParameters", "ReadResult", "ReadResultItem", "ValueType", "ToWire", "FromCode", "ToCode", "GetRetryClass",
        "CallAsync", "CallForResultAsync", "CreateBatch", "ExecuteAsync", "Add", "Items", "Count", "Halt", "IsExecuted", "OAuthTokens", "Dispose",
        "Request", "Writer", "Reader", "Item", "Value", "Unknown", "App", "AppApi", "Api", "BatchApi", "Command", "Async", "WithResponseAsync",
        "Client", "Batch", "Method", "Result", "Error", "Name", "Type", "Default", "Nameof", "Var", "Dynamic", "Record", "Value__",
        // real Bitrix24 method families
        "Task", "Tasks", "Event", "Events", "Log", "User", "Crm", "Im", "ImBot", "ImOpenLines", "Calendar", "Disk", "Entity", "Department",
        "Placement", "Lists", "Bizproc", "Catalog", "Sale", "Telephony", "Profile", "Methods", "Scope", "Server", "Feature", "Access",
    ];

    /// <summary>Lower-case words, as method segments and YAML keys are written.</summary>
    public static readonly string[] Words =
    [
        "class", "event", "object", "string", "int", "namespace", "default", "operator", "params", "base", "this", "true", "null", "enum",
        "var", "dynamic", "value", "nameof", "async", "await", "record", "global", "value__", "item", "get", "list", "send", "v2", "x",
        "method", "summary", "remarks", "docs", "scopes", "access", "idempotent", "enums", "result", "errors", "name", "type", "required",
        "wire", "values", "code", "status", "description", "when", "retry", "words", "unknown",
    ];

    /// <summary>Values that are awkward in YAML, C# literals, XML docs or file names.</summary>
    public static readonly string[] Oddities =
    [
        "", " ", "1", "01", "1a", "a-b", "a.b", "a b", "A", "a", "_", "__", "ä", "Ж", "ЖЖ", "é", "x\u200By", "x\u00ADy", "\u2028", "\u0085",
        "\0", "\a", "bell \a", "\u001b[31m", "\uFFFE", "\uD800", "<", ">", "&", "\"", "'", "]]>", "-->", "*/", "/*", "\\", "{", "}", "#",
        "@", "$", "%", "\t", "\r\n", "null", "~", "true", "yes", "Y", "N", "0x10", "1e3", "-1", "99999999999", "NaN", "<see cref=\"X\"/>",
        "<b>bold</b>", "&amp;", "a\u0301", "\U0001F600", "int", "string[]", "int[][]", "Int32?", "List<int>", "yn", "datetime", "Color",
        "Color[]", "AutoMessageType", "object", "never", "after-delay", "if-idempotent", "after-reset", "after-refresh", "sometimes", "599", "600",
    ];

    /// <summary>Built-in and seed types, valid and not.</summary>
    public static readonly string[] Types =
    [
        "int", "long", "string", "bool", "yn", "double", "datetime", "int[]", "long[]", "string[]", "bool[]", "yn[]", "double[]", "datetime[]",
        "Color", "Color[]", "AutoMessageType", "AutoMessageType[]", "ValueType", "Task", "Integer", "int[][]", "int?", "Bitrix24Batch",
        "json", "json?", "json[]", "map<int>", "map<string?>", "map<json>", "map<Profile>", "map<Profile?>", "map<int[]>", "map<>", "map<int>?",
        "string?", "int[]?", "Profile", "Profile?", "Profile[]", "Keyboard", "Button[]", "Entry", "Entry[]", "Gender", "Gender[]", "map<Gender>",
        "File", "Action", "Message", "Bot", "User", "Keyboard?", "?", "[]", "Profile??", "map<map<int>>",
    ];
}

namespace Bitrix24.Generator.Tests.TestSpecs;

/// <summary>
/// Small specs of a made-up scope, "demo", that together use every type and spec feature: each
/// value type as parameter and result, arrays, an enum shared across files, value name overrides,
/// a keyword as parameter name, an idempotent method, error codes with retry classes, text that
/// needs escaping in XML docs and C# literals, and a naming.yaml word.
/// </summary>
internal static class FeatureSpecs
{
    public const string AllTypesPath = "spec/demo/demo.item.all.types.update.yaml";

    public const string AllTypes = """
        method: demo.item.all.types.update
        summary: Updates an item, using every type the spec knows.
        remarks: Text with <angle brackets>, & ampersands and "quotes" must be escaped.
        docs: https://example.com/docs/demo.item.all.types.update
        scopes: [demo]
        access: any user
        idempotent: true
        params:
          - name: ID
            type: int
            required: true
            summary: The item.
          - name: TITLE
            type: string
            required: true
            summary: New title; "quoted" and \backslashed\.
          - name: OWNER_ID
            type: long
          - name: ACTIVE
            type: bool
          - name: LEAVE
            type: yn
            default: N
            summary: Y or N on the wire.
          - name: RATIO
            type: double
          - name: STARTS_AT
            type: datetime
          - name: COLOR
            type: Color
          - name: TAGS
            type: string[]
          - name: IDS
            type: int[]
          - name: PALETTE
            type: Color[]
          - name: EVENT
            type: string
            summary: A C# keyword as parameter name.
        enums:
          Color:
            summary: A color.
            values:
              - wire: red
                summary: Red.
              - DARK_BLUE
              - wire: "1"
                name: One
                summary: A wire value that is not an identifier.
        result:
          type: int[]
          summary: The ids touched.
        errors:
          - code: DEMO_LOCKED
            status: 423
            description: Item is locked
            when: Someone else edits the item.
            retry: after-delay
          - code: QUERY_LIMIT_EXCEEDED
        """;

    public const string SharedEnumPath = "spec/demo/demo.item.color.get.yaml";

    /// <summary>Uses the enum declared in the other file of the scope, as a result.</summary>
    public const string SharedEnum = """
        method: demo.item.color.get
        summary: Reads an item's color.
        params:
          - name: ID
            type: int
            required: true
        result:
          type: Color
        """;

    public const string StringResultPath = "spec/demo/demo.item.get.yaml";

    public const string StringResult = """
        method: demo.item.get
        params:
          - name: ID
            type: int
            required: true
          - name: SINCE
            type: datetime
            required: true
        result:
          type: string
        """;

    public const string ErrorsPath = "spec/errors.yaml";

    public const string Errors = """
        errors:
          - code: QUERY_LIMIT_EXCEEDED
            status: 503
            description: Too many requests
            retry: after-delay
          - code: invalid_request
            name: OAuthInvalidRequest
          - code: INVALID_REQUEST
            status: 400
        """;

    public const string NamingPath = "spec/naming.yaml";

    public const string Naming = """
        words:
          demo: DemoScope
        """;

    public static (string Path, string Text)[] All() =>
    [
        (AllTypesPath, AllTypes),
        (SharedEnumPath, SharedEnum),
        (StringResultPath, StringResult),
        (ErrorsPath, Errors),
        (NamingPath, Naming),
    ];
}

namespace Bitrix24.Generator.Tests.TestSpecs;

/// <summary>
/// Specs of the made-up scope "demo" that use every feature of object types: a types file shared by
/// the scope, nested objects, lists of objects, maps, raw JSON, UPPER_CASE members inside camelCase
/// carriers, a member that may be null (sent as null once set), a type both sent and read, and
/// results that are an object, a bare list of objects, a map, or a member of <c>result</c>.
/// </summary>
internal static class ObjectTypeSpecs
{
    public const string TypesPath = "spec/demo/demo.types.yaml";

    public const string Types = """
        scope: demo
        enums:
          Gender:
            values: [M, F]
        types:
          Profile:
            summary: A person's profile, sent when registering and read back in results.
            members:
              - name: name
                type: string
                required: true
                summary: The name shown in chats.
              - name: gender
                type: Gender
              - name: tags
                type: string[]
              - name: absent
                type: datetime?
                summary: Until when the person is away; PHP sends false when not.
              - name: phones
                type: json?
              - name: backgroundId
                type: string?
                summary: null resets the background.
          Keyboard:
            summary: Buttons under a message (UPPER_CASE inside a camelCase carrier).
            members:
              - name: BOT_ID
                type: int
              - name: BUTTONS
                type: Button[]
                required: true
          Button:
            members:
              - name: TEXT
                type: string
                required: true
              - name: COMMAND
                type: string
              - name: BLOCK
                type: yn
          Item:
            members:
              - name: id
                type: int
                required: true
              - name: profile
                type: Profile
              - name: counts
                type: map<int>
              - name: titles
                type: map<string?>
              - name: params
                type: json
              - name: active
                type: bool
        """;

    public const string RegisterPath = "spec/demo/demo.item.register.yaml";

    public const string Register = """
        method: demo.item.register
        summary: Registers an item.
        idempotent: true
        params:
          - name: fields
            type: RegisterFields
            required: true
          - name: botToken
            type: string
        types:
          RegisterFields:
            members:
              - name: code
                type: string
                required: true
              - name: profile
                type: Profile
                required: true
              - name: keyboard
                type: Keyboard
              - name: forwardIds
                type: map<int>
              - name: isHidden
                type: bool
          RegisterResult:
            members:
              - name: item
                type: Item
                required: true
              - name: users
                type: Profile[]
        result:
          type: RegisterResult
        """;

    public const string ListPath = "spec/demo/demo.item.list.yaml";

    public const string List = """
        method: demo.item.list
        summary: Lists the items, as a bare list.
        result:
          type: Item[]
        """;

    public const string DeletePath = "spec/demo/demo.item.delete.yaml";

    public const string Delete = """
        method: demo.item.delete
        params:
          - name: itemId
            type: int
            required: true
        result:
          type: bool
          member: result
          summary: true when the item was deleted.
        """;

    public const string TitlesPath = "spec/demo/demo.item.titles.yaml";

    public const string Titles = """
        method: demo.item.titles
        result:
          type: map<string>
        """;

    public static (string Path, string Text)[] All() =>
    [
        (TypesPath, Types),
        (RegisterPath, Register),
        (ListPath, List),
        (DeletePath, Delete),
        (TitlesPath, Titles),
    ];
}

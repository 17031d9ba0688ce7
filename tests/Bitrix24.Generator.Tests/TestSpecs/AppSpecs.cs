using Bitrix24.Generator.Tests.Infrastructure;

namespace Bitrix24.Generator.Tests.TestSpecs;

/// <summary>Specs an app keeps in its own spec/ folder, beside the SDK's methods.</summary>
internal static class AppSpecs
{
    public const string ChatLeavePath = "spec/imbot/imbot.chat.leave.yaml";

    /// <summary>A method of a scope the SDK does not have, with an error code the SDK does not know.</summary>
    public const string ChatLeave = """
        method: imbot.chat.leave
        summary: Makes the chat bot leave a chat.
        scopes: [imbot]
        params:
          - name: CHAT_ID
            type: int
            required: true
            summary: The chat to leave.
          - name: BOT_ID
            type: int
            summary: The bot that leaves; the application's only bot when left out.
        result:
          type: bool
          summary: true when the bot has left.
        errors:
          - code: CHAT_ID_EMPTY
            status: 400
            description: Chat ID can't be empty
          - code: BOT_NOT_IN_CHAT
            status: 400
            description: The bot is not a member of the chat
        """;

    public const string SessionInterceptPath = "spec/imopenlines/imopenlines.bot.session.intercept.yaml";

    /// <summary>A method of a scope the SDK has (imopenlines), which the app adds on its own.</summary>
    public const string SessionIntercept = """
        method: imopenlines.bot.session.intercept
        summary: Takes the dialog back from the operator to the bot.
        scopes: [imopenlines, imbot]
        params:
          - name: CHAT_ID
            type: int
            required: true
        result:
          type: bool
        """;

    public const string NamingPath = "spec/naming.yaml";

    /// <summary>The SDK's naming words, which the generator package hands to every app.</summary>
    public const string Naming = """
        words:
          imopenlines: ImOpenLines
          imbot: ImBot
        """;

    public static IEnumerable<InMemoryAdditionalText> All() =>
    [
        new(NamingPath, Naming),
        new(ChatLeavePath, ChatLeave),
        new(SessionInterceptPath, SessionIntercept),
    ];
}

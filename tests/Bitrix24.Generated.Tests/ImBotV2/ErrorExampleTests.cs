using System.Net;
using System.Text.Json.Nodes;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImBot;
using static Bitrix24.Generated.Tests.ImBotV2.DocsExamples;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>
/// The "Error Handling" example of every imbot.v2 method page: answered with it (and the status the method's spec
/// gives the code), the call throws <see cref="Bitrix24ApiException"/> with the code mapped to its own
/// <see cref="Bitrix24ErrorCode"/> member, and the code is one the method's spec documents.
/// </summary>
public sealed class ErrorExampleTests
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "bot-register.error.json", "imbot.v2.Bot.register" },
        { "bot-update.error.json", "imbot.v2.Bot.update" },
        { "bot-get.error.json", "imbot.v2.Bot.get" },
        { "bot-list.error.json", "imbot.v2.Bot.list" },
        { "bot-unregister.error.json", "imbot.v2.Bot.unregister" },
        { "chat-add.error.json", "imbot.v2.Chat.add" },
        { "chat-get.error.json", "imbot.v2.Chat.get" },
        { "chat-update.error.json", "imbot.v2.Chat.update" },
        { "chat-user-add.error.json", "imbot.v2.Chat.User.add" },
        { "chat-user-delete.error.json", "imbot.v2.Chat.User.delete" },
        { "chat-user-list.error.json", "imbot.v2.Chat.User.list" },
        { "chat-leave.error.json", "imbot.v2.Chat.leave" },
        { "chat-manager-add.error.json", "imbot.v2.Chat.Manager.add" },
        { "chat-manager-delete.error.json", "imbot.v2.Chat.Manager.delete" },
        { "chat-set-owner.error.json", "imbot.v2.Chat.setOwner" },
        { "chat-input-action-notify.error.json", "imbot.v2.Chat.InputAction.notify" },
        { "chat-text-field-enabled.error.json", "imbot.v2.Chat.TextField.enabled" },
        { "chat-message-send.error.json", "imbot.v2.Chat.Message.send" },
        { "chat-message-update.error.json", "imbot.v2.Chat.Message.update" },
        { "chat-message-delete.error.json", "imbot.v2.Chat.Message.delete" },
        { "chat-message-read.error.json", "imbot.v2.Chat.Message.read" },
        { "chat-message-get.error.json", "imbot.v2.Chat.Message.get" },
        { "chat-message-get-context.error.json", "imbot.v2.Chat.Message.getContext" },
        { "chat-message-reaction-add.error.json", "imbot.v2.Chat.Message.Reaction.add" },
        { "chat-message-reaction-delete.error.json", "imbot.v2.Chat.Message.Reaction.delete" },
        { "command-register.error.json", "imbot.v2.Command.register" },
        { "command-update.error.json", "imbot.v2.Command.update" },
        { "command-list.error.json", "imbot.v2.Command.list" },
        { "command-unregister.error.json", "imbot.v2.Command.unregister" },
        { "command-answer.error.json", "imbot.v2.Command.answer" },
        { "event-get.error.json", "imbot.v2.Event.get" },
        { "file-upload.error.json", "imbot.v2.File.upload" },
        { "file-download.error.json", "imbot.v2.File.download" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Error_example_maps_to_a_code_the_method_documents(string file, string method)
    {
        JsonNode example = Json(file);
        string code = example["error"]!.GetValue<string>();
        SpecError documented = Assert.Single(SpecErrors.All, e => e.Method == method && e.Code == code);
        Assert.NotNull(documented.Status);
        var portal = new DocsPortal(Text(file), (HttpStatusCode)documented.Status!.Value);
        using Bitrix24Client client = Client(DocsAuth.Webhook, portal);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => ImBotV2Calls.ByMethod[method](client));

        Assert.Equal(code, e.Code);
        Assert.Equal(SpecErrors.ExpectedMemberName(documented), e.ErrorCode.ToString());
        Assert.Equal(example["error_description"]!.GetValue<string>(), e.Description);
        Assert.Equal(documented.Status, e.StatusCode);
        Assert.Equal(method, e.Method);
        Assert.Single(portal.Requests);
    }

    [Fact]
    public void Every_imbot_v2_method_has_a_call_and_a_spec()
    {
        string[] specified = Bitrix24MethodCatalog.Methods.Select(m => m.Name).Where(n => n.StartsWith("imbot.v2.", StringComparison.Ordinal)).ToArray();

        Assert.Equal(specified.Order(StringComparer.Ordinal), ImBotV2Calls.ByMethod.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_method_page_with_an_error_example_is_covered()
    {
        string[] files = Directory.GetFiles(Folder, "*.error.json").Select(Path.GetFileName).ToArray()!;
        string[] covered = Pages().Select(row => (string)row[0]).ToArray();

        Assert.Equal(files.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_common_errors_are_system_codes_with_the_agreed_statuses()
    {
        // spec/errors.yaml: every bot-bound imbot.v2 method can answer these before its own checks.
        foreach ((string code, int status) in new[] { ("BOT_TOKEN_NOT_SPECIFIED", 400), ("BOT_ID_REQUIRED", 400), ("BOT_NOT_FOUND", 400), ("BOT_OWNERSHIP_ERROR", 403) })
        {
            SpecError common = Assert.Single(SpecErrors.All, e => e.Method is null && e.Code == code);
            Assert.Equal(status, common.Status);
            Assert.Equal(Bitrix24RetryClass.Never, Bitrix24ErrorCodes.GetRetryClass(Enum.Parse<Bitrix24ErrorCode>(SpecErrors.ExpectedMemberName(common))));
            Assert.All(SpecErrors.All.Where(e => e.Code == code), e => Assert.Equal(status, e.Status ?? status));
        }
    }
}

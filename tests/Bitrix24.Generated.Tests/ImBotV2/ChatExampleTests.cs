using Bitrix24.ImBot;
using static Bitrix24.Generated.Tests.ImBotV2.DocsExamples;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>
/// imbot.v2.Chat.* (but messages) against the examples of their pages
/// (api-reference/chat-bots/chat-bots-v2/imbot.v2/chats/*.md). On every page the JS, PHP, BX24.js and PHP CRest tabs
/// send the cURL (OAuth) tab's body without auth, and the Go tab the cURL (Webhook) tab's body.
/// </summary>
public sealed class ChatExampleTests
{
    // ----- Chat.add (chats/chat-add.md) -----------------------------------------------------------------------

    private static ImBotV2ChatAddRequest AddRequest(string? botToken) => new()
    {
        BotId = 456,
        BotToken = botToken,
        Fields = new() { Title = "Support Chat", Color = "mint", UserIds = [1, 2] },
    };

    [Fact]
    public async Task Add_sends_the_examples()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.add", "chat-add.webhook.json", "chat-add.response.json",
            c => c.ImBot.V2.Chat.AddAsync(AddRequest(BotToken)));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.add", "chat-add.oauth.json", "chat-add.response.json",
            c => c.ImBot.V2.Chat.AddAsync(AddRequest(null)));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.add", "chat-add.oauth.json", "chat-add.response.json",
            c => c.ImBot.V2.Chat.AddAsync(AddRequest(null)), WithoutAuth);
    }

    [Fact]
    public async Task Add_reads_the_response_example()
    {
        (ChatAddResult result, _) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Chat.add", "chat-add.response.json",
            c => c.ImBot.V2.Chat.AddAsync(AddRequest(BotToken)));

        Chat chat = result.Chat;
        Assert.Equal(5, chat.Id);
        Assert.Equal("chat5", chat.DialogId);
        Assert.Equal("Support Chat", chat.Name);
        Assert.Equal("chat", chat.Type);
        Assert.Equal("C", chat.MessageType);
        Assert.Equal(456, chat.Owner);
        Assert.Equal("#4ba984", chat.Color);
        Assert.Equal("", chat.EntityType);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, chat.EntityLink!.Value.ValueKind);
        Assert.Equal(42, chat.DiskFolderId);
        Assert.Equal("owner", chat.Role);
        Assert.Empty(chat.MuteList!);
        Assert.Null(chat.ParentChatId);
        Assert.True(chat.IsNew);
        Assert.True(chat.TextFieldEnabled);                       // "Y"
        Assert.Null(chat.BackgroundId);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.FromHours(2)), chat.DateCreate);
        Assert.Equal(789, chat.LastMessageId);
        Assert.Equal("{}", chat.LastMessageViews);
        Assert.Null(chat.LastId);
        Assert.Empty(chat.ManagerList!);
        Assert.Equal(1, chat.MessageCount);
        Assert.Equal("", chat.Public!.Value.GetString());
        Assert.Equal(3, chat.UserCounter);

        Assert.Equal(2, result.Users!.Count);
        User anna = result.Users[1];
        Assert.Equal(2, anna.Id);
        Assert.Equal("Anna Davis", anna.Name);
        Assert.Equal("F", anna.Gender);
        Assert.Equal("22-08", anna.Birthday);
        Assert.Equal([12], anna.Departments!);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 14, 20, 0, TimeSpan.FromHours(2)), anna.LastActivityDate);
    }

    // ----- Chat.get (chats/chat-get.md) -----------------------------------------------------------------------

    [Fact]
    public async Task Get_sends_the_examples()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.get", "chat-get.webhook.json", "chat-get.response.json",
            c => c.ImBot.V2.Chat.GetAsync(456, "chat5", BotToken));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.get", "chat-get.oauth.json", "chat-get.response.json",
            c => c.ImBot.V2.Chat.GetAsync(456, "chat5"));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.get", "chat-get.oauth.json", "chat-get.response.json",
            c => c.ImBot.V2.Chat.GetAsync(new ImBotV2ChatGetRequest { BotId = 456, DialogId = "chat5" }), WithoutAuth);
    }

    [Fact]
    public async Task Get_reads_the_response_example()
    {
        (ChatGetResult result, _) = await CallAsync(DocsAuth.OAuth, "imbot.v2.Chat.get", "chat-get.response.json",
            c => c.ImBot.V2.Chat.GetAsync(456, "chat5"));

        Assert.Equal(5, result.Chat.Id);
        Assert.Equal("chat5", result.Chat.DialogId);
        Assert.False(result.Chat.IsNew);
        Assert.Equal(789, result.Chat.LastId);
        Assert.Equal(15, result.Chat.MessageCount);
        Assert.Null(result.Chat.MarkedId);
        Assert.Null(result.Chat.UnreadId);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.FromHours(1)), result.Chat.DateCreate);
    }

    // ----- Chat.update (chats/chat-update.md) -----------------------------------------------------------------

    [Fact]
    public async Task Update_sends_the_examples_and_reads_the_inner_result()
    {
        static ImBotV2ChatUpdateRequest Request(string? token) =>
            new() { BotId = 456, BotToken = token, DialogId = "chat5", Fields = new() { Title = "New Title", Color = "azure" } };

        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.update", "chat-update.webhook.json", "chat-update.response.json",
            c => c.ImBot.V2.Chat.UpdateAsync(Request(BotToken))));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.update", "chat-update.oauth.json", "chat-update.response.json",
            c => c.ImBot.V2.Chat.UpdateAsync(Request(null))));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.update", "chat-update.oauth.json", "chat-update.response.json",
            c => c.ImBot.V2.Chat.UpdateAsync(Request(null)), WithoutAuth);
    }

    // ----- Chat.User.add / delete / list (chats/chat-user-*.md) -----------------------------------------------

    [Fact]
    public async Task User_add_sends_the_examples()
    {
        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.User.add", "chat-user-add.webhook.json", "chat-user-add.response.json",
            c => c.ImBot.V2.Chat.User.AddAsync(456, "chat5", [1, 2, 3], BotToken)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.User.add", "chat-user-add.oauth.json", "chat-user-add.response.json",
            c => c.ImBot.V2.Chat.User.AddAsync(456, "chat5", [1, 2, 3])));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.User.add", "chat-user-add.oauth.json", "chat-user-add.response.json",
            c => c.ImBot.V2.Chat.User.AddAsync(456, "chat5", [1, 2, 3]), WithoutAuth);
    }

    [Fact]
    public async Task User_delete_sends_the_examples()
    {
        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.User.delete", "chat-user-delete.webhook.json", "chat-user-delete.response.json",
            c => c.ImBot.V2.Chat.User.DeleteAsync(456, "chat5", 1, BotToken)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.User.delete", "chat-user-delete.oauth.json", "chat-user-delete.response.json",
            c => c.ImBot.V2.Chat.User.DeleteAsync(456, "chat5", 1)));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.User.delete", "chat-user-delete.oauth.json", "chat-user-delete.response.json",
            c => c.ImBot.V2.Chat.User.DeleteAsync(456, "chat5", 1), WithoutAuth);
    }

    private static ImBotV2ChatUserListRequest UserListRequest(string? token) =>
        new() { BotId = 456, BotToken = token, DialogId = "chat5", Order = new() { Id = SortDirection.Asc }, Limit = 50 };

    [Fact]
    public async Task User_list_sends_the_examples()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.User.list", "chat-user-list.webhook.json", "chat-user-list.response.json",
            c => c.ImBot.V2.Chat.User.ListAsync(UserListRequest(BotToken)));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.User.list", "chat-user-list.oauth.json", "chat-user-list.response.json",
            c => c.ImBot.V2.Chat.User.ListAsync(UserListRequest(null)));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.User.list", "chat-user-list.oauth.json", "chat-user-list.response.json",
            c => c.ImBot.V2.Chat.User.ListAsync(UserListRequest(null)), WithoutAuth);
    }

    [Fact]
    public async Task User_list_reads_the_bare_array_of_the_response_example()
    {
        (IReadOnlyList<User> users, _) = await CallAsync(DocsAuth.OAuth, "imbot.v2.Chat.User.list", "chat-user-list.response.json",
            c => c.ImBot.V2.Chat.User.ListAsync(UserListRequest(null)));

        Assert.Equal([1, 2], users.Select(u => u.Id));
        Assert.Equal("John Smith", users[0].Name);
        Assert.Equal("Developer", users[0].WorkPosition);
        Assert.Equal("15-03", users[0].Birthday);
        Assert.Equal("default", users[0].ExternalAuthId);
        Assert.Equal("employee", users[0].Type);
        Assert.Null(users[0].Idle);
        Assert.Null(users[0].Phones);
        Assert.Equal("Manager", users[1].WorkPosition);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 14, 20, 0, TimeSpan.FromHours(1)), users[1].LastActivityDate);
    }

    // ----- Chat.leave, Chat.Manager.add / delete, Chat.setOwner -----------------------------------------------

    [Fact]
    public async Task Leave_sends_the_examples()
    {
        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.leave", "chat-leave.webhook.json", "chat-leave.response.json",
            c => c.ImBot.V2.Chat.LeaveAsync(456, "chat5", BotToken)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.leave", "chat-leave.oauth.json", "chat-leave.response.json",
            c => c.ImBot.V2.Chat.LeaveAsync(456, "chat5")));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.leave", "chat-leave.oauth.json", "chat-leave.response.json",
            c => c.ImBot.V2.Chat.LeaveAsync(456, "chat5"), WithoutAuth);
    }

    [Fact]
    public async Task Manager_add_sends_the_examples()
    {
        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Manager.add", "chat-manager-add.webhook.json", "chat-manager-add.response.json",
            c => c.ImBot.V2.Chat.Manager.AddAsync(456, "chat5", [4, 5], BotToken)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.Manager.add", "chat-manager-add.oauth.json", "chat-manager-add.response.json",
            c => c.ImBot.V2.Chat.Manager.AddAsync(456, "chat5", [4, 5])));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Manager.add", "chat-manager-add.oauth.json", "chat-manager-add.response.json",
            c => c.ImBot.V2.Chat.Manager.AddAsync(456, "chat5", [4, 5]), WithoutAuth);
    }

    [Fact]
    public async Task Manager_delete_sends_the_examples()
    {
        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Manager.delete", "chat-manager-delete.webhook.json", "chat-manager-delete.response.json",
            c => c.ImBot.V2.Chat.Manager.DeleteAsync(456, "chat5", [4, 5], BotToken)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.Manager.delete", "chat-manager-delete.oauth.json", "chat-manager-delete.response.json",
            c => c.ImBot.V2.Chat.Manager.DeleteAsync(456, "chat5", [4, 5])));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Manager.delete", "chat-manager-delete.oauth.json", "chat-manager-delete.response.json",
            c => c.ImBot.V2.Chat.Manager.DeleteAsync(456, "chat5", [4, 5]), WithoutAuth);
    }

    [Fact]
    public async Task SetOwner_sends_the_examples()
    {
        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.setOwner", "chat-set-owner.webhook.json", "chat-set-owner.response.json",
            c => c.ImBot.V2.Chat.SetOwnerAsync(456, "chat5", 1, BotToken)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.setOwner", "chat-set-owner.oauth.json", "chat-set-owner.response.json",
            c => c.ImBot.V2.Chat.SetOwnerAsync(456, "chat5", 1)));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.setOwner", "chat-set-owner.oauth.json", "chat-set-owner.response.json",
            c => c.ImBot.V2.Chat.SetOwnerAsync(456, "chat5", 1), WithoutAuth);
    }

    // ----- Chat.InputAction.notify, Chat.TextField.enabled (ui/*.md) ------------------------------------------

    [Fact]
    public async Task InputAction_notify_sends_the_examples()
    {
        static ImBotV2ChatInputActionNotifyRequest Request(string? token) => new()
        {
            BotId = 456, BotToken = token, DialogId = "chat5", StatusMessageCode = InputActionStatus.Thinking, Duration = 30,
        };

        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.InputAction.notify", "chat-input-action-notify.webhook.json",
            "chat-input-action-notify.response.json", c => c.ImBot.V2.Chat.InputAction.NotifyAsync(Request(BotToken))));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.InputAction.notify", "chat-input-action-notify.oauth.json",
            "chat-input-action-notify.response.json", c => c.ImBot.V2.Chat.InputAction.NotifyAsync(Request(null))));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.InputAction.notify", "chat-input-action-notify.oauth.json",
            "chat-input-action-notify.response.json", c => c.ImBot.V2.Chat.InputAction.NotifyAsync(Request(null)), WithoutAuth);
    }

    [Fact]
    public async Task TextField_enabled_sends_the_examples()
    {
        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.TextField.enabled", "chat-text-field-enabled.webhook.json",
            "chat-text-field-enabled.response.json", c => c.ImBot.V2.Chat.TextField.EnabledAsync(456, "chat5", BotToken, enabled: false)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.TextField.enabled", "chat-text-field-enabled.oauth.json",
            "chat-text-field-enabled.response.json", c => c.ImBot.V2.Chat.TextField.EnabledAsync(456, "chat5", enabled: false)));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.TextField.enabled", "chat-text-field-enabled.oauth.json",
            "chat-text-field-enabled.response.json", c => c.ImBot.V2.Chat.TextField.EnabledAsync(456, "chat5", enabled: false), WithoutAuth);
    }
}

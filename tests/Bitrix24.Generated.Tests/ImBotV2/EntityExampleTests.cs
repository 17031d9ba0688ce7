using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.ImBot;
using static Bitrix24.Generated.Tests.ImBotV2.DocsExamples;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>
/// The example objects of chat-bots-v2/entities.md, each read through a method whose result carries it; the
/// wrapper around the object (the envelope and the other members of the result) is built by the test.
/// </summary>
public sealed class EntityExampleTests
{
    private static async Task<T> Answer<T>(string resultJson, Func<Bitrix24Client, Task<T>> call)
    {
        var portal = new DocsPortal("""{"result":""" + resultJson + ""","time":{"start":1728626400.123,"finish":1728626400.234}}""");
        using Bitrix24Client client = Client(DocsAuth.Webhook, portal);
        return await call(client);
    }

    private static string Wrap(string member, string file) => new JsonObject { [member] = Json(file) }.ToJsonString();

    [Fact]
    public async Task User_example()
    {
        IReadOnlyList<User> users = await Answer("[" + Json("entities.user.json").ToJsonString() + "]",
            c => c.ImBot.V2.Chat.User.ListAsync(456, "chat5"));

        User user = Assert.Single(users);
        Assert.Equal(1, user.Id);
        Assert.True(user.Active);
        Assert.Equal("John Smith", user.Name);
        Assert.Equal("John", user.FirstName);
        Assert.Equal("Smith", user.LastName);
        Assert.Equal("Developer", user.WorkPosition);
        Assert.Equal("#df532d", user.Color);
        Assert.Equal("", user.Avatar);
        Assert.Equal("M", user.Gender);
        Assert.Equal("", user.Birthday);
        Assert.False(user.Extranet);
        Assert.False(user.Bot);
        Assert.False(user.Connector);
        Assert.Equal("default", user.ExternalAuthId);
        Assert.Equal("online", user.Status);
        Assert.Null(user.Idle);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 29, 0, TimeSpan.FromHours(1)), user.LastActivityDate);
        Assert.Null(user.MobileLastDate);                         // not in the example
        Assert.Null(user.Absent);
        Assert.Equal([1, 5], user.Departments!);
        Assert.Null(user.Phones);
        Assert.Equal("employee", user.Type);
        Assert.Equal("", user.Website);
        Assert.Equal("john@example.com", user.Email);
    }

    [Fact]
    public async Task User_with_dates_and_phones_instead_of_false()
    {
        // The other side of entities.md's "string|false" and "object|false" members.
        JsonNode user = Json("entities.user.json");
        user["idle"] = "2025-01-15T10:00:00+01:00";
        user["absent"] = "2025-02-01T00:00:00+01:00";
        user["phones"] = new JsonObject { ["personalPhone"] = "+1 555 0100", ["workPhone"] = "+1 555 0101" };

        IReadOnlyList<User> users = await Answer("[" + user.ToJsonString() + "]", c => c.ImBot.V2.Chat.User.ListAsync(456, "chat5"));

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.FromHours(1)), users[0].Idle);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.FromHours(1)), users[0].Absent);
        Assert.Equal("+1 555 0101", users[0].Phones!["workPhone"]);
    }

    [Fact]
    public async Task Bot_example()
    {
        BotGetResult result = await Answer(Wrap("bot", "entities.bot.json"), c => c.ImBot.V2.Bot.GetAsync(botId: 456));

        Bot bot = result.Bot;
        Assert.Equal(456, bot.Id);
        Assert.Equal("support_bot", bot.Code);
        Assert.Equal("bot", bot.Type);
        Assert.Null(bot.BackgroundId);
        Assert.Equal("en", bot.Language);
        Assert.Equal("rest", bot.ModuleId);
        Assert.Equal("fetch", bot.EventMode);
        Assert.Equal(150, bot.CountMessage);
        Assert.Equal(3, bot.CountCommand);
        Assert.Equal(12, bot.CountChat);
        Assert.Equal(45, bot.CountUser);
        Assert.Null(result.Users);
    }

    [Fact]
    public async Task Chat_example()
    {
        ChatGetResult result = await Answer(Wrap("chat", "entities.chat.json"), c => c.ImBot.V2.Chat.GetAsync(456, "chat5"));

        Chat chat = result.Chat;
        Assert.Equal(5, chat.Id);
        Assert.Equal("chat5", chat.DialogId);
        Assert.Equal("Support Chat", chat.Name);
        Assert.Equal("member", chat.Role);
        Assert.Equal(1, chat.Owner);
        Assert.Equal("#ab7761", chat.Color);
        Assert.Equal(42, chat.DiskFolderId);
        Assert.True(chat.TextFieldEnabled);
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.FromHours(1)), chat.DateCreate);
        Assert.Equal(789, chat.LastMessageId);
        Assert.Equal([1, 3], chat.ManagerList!);
        Assert.Equal(42, chat.MessageCount);
        Assert.Equal(5, chat.UserCounter);
        Assert.Null(chat.UnreadId);
        Assert.Null(chat.EntityLink);                             // not in the example
    }

    [Fact]
    public async Task Chat_textFieldEnabled_N_reads_as_false()
    {
        JsonNode chat = Json("entities.chat.json");
        chat["textFieldEnabled"] = "N";

        ChatGetResult result = await Answer(new JsonObject { ["chat"] = chat }.ToJsonString(), c => c.ImBot.V2.Chat.GetAsync(456, "chat5"));

        Assert.False(result.Chat.TextFieldEnabled);
    }

    [Fact]
    public async Task Message_example()
    {
        ChatMessageGetResult result = await Answer(Wrap("message", "entities.message.json"), c => c.ImBot.V2.Chat.Message.GetAsync(456, 789));

        Message message = result.Message;
        Assert.Equal(789, message.Id);
        Assert.Equal(5, message.ChatId);
        Assert.Equal(1, message.AuthorId);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.FromHours(1)), message.Date);
        Assert.Equal("Hello bot!", message.Text);
        Assert.False(message.IsSystem);
        Assert.Null(message.Forward);
        Assert.Equal(JsonValueKind.Object, message.Params!.Value.ValueKind);
        Assert.False(message.ViewedByOthers);
        Assert.Null(result.User);
    }

    [Fact]
    public async Task Message_forward_as_entities_md_describes_it()
    {
        // entities.md describes forward as {id, userId, chatId, date} without an example.
        JsonNode message = Json("entities.message.json");
        message["forward"] = JsonNode.Parse("""{"id":"chat3/512","userId":7,"chatId":3,"date":"2025-01-14T09:00:00+01:00"}""");

        ChatMessageGetResult result = await Answer(new JsonObject { ["message"] = message }.ToJsonString(), c => c.ImBot.V2.Chat.Message.GetAsync(456, 789));

        MessageForward forward = result.Message.Forward!;
        Assert.Equal("chat3/512", forward.Id);
        Assert.Equal(7, forward.UserId);
        Assert.Equal(3, forward.ChatId);
        Assert.Equal(new DateTimeOffset(2025, 1, 14, 9, 0, 0, TimeSpan.FromHours(1)), forward.Date);
    }

    [Fact]
    public async Task File_example_and_an_image_preview()
    {
        string Upload(JsonNode file) => new JsonObject { ["file"] = file, ["messageId"] = 123, ["chatId"] = 5, ["dialogId"] = "chat5" }.ToJsonString();

        FileUploadResult result = await Answer(Upload(Json("entities.file.json")),
            c => c.ImBot.V2.File.UploadAsync(456, "chat5", new() { Name = "report.pdf", Content = "AA==" }));

        ChatFile file = result.File!;
        Assert.Equal(138, file.Id);
        Assert.Equal(5, file.ChatId);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.FromHours(1)), file.Date);
        Assert.Equal("file", file.Type);
        Assert.Equal("report.pdf", file.Name);
        Assert.Equal("pdf", file.Extension);
        Assert.Equal(35341L, file.Size);
        Assert.Null(file.Image);                                  // false on the wire
        Assert.Equal(1, file.AuthorId);
        Assert.Equal("John Smith", file.AuthorName);
        Assert.False(file.IsTranscribable);
        Assert.False(file.IsVideoNote);
        Assert.False(file.IsVoiceNote);

        JsonNode image = Json("entities.file.json");
        image["type"] = "image";
        image["image"] = JsonNode.Parse("""{"height": 600, "width": 800}""");
        result = await Answer(Upload(image), c => c.ImBot.V2.File.UploadAsync(456, "chat5", new() { Name = "a.png", Content = "AA==" }));
        Assert.Equal(600, result.File!.Image!.Height);
        Assert.Equal(800, result.File.Image.Width);
    }

    [Fact]
    public async Task Command_example()
    {
        CommandListResult result = await Answer(new JsonObject { ["commands"] = new JsonArray(Json("entities.command.json")) }.ToJsonString(),
            c => c.ImBot.V2.Command.ListAsync(456));

        BotCommand command = Assert.Single(result.Commands);
        Assert.Equal(78, command.Id);
        Assert.Equal(456, command.BotId);
        Assert.Equal("/help", command.Command);
        Assert.Equal("Show help", command.Title);
        Assert.Equal("[query]", command.Params);
        Assert.Equal("Support Bot", command.Category);
        Assert.Equal("chat", command.Context);
    }

    [Fact]
    public async Task A_missing_required_id_fails_the_call_naming_its_path()
    {
        JsonNode bot = Json("entities.bot.json");
        bot.AsObject().Remove("id");

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() =>
            Answer(new JsonObject { ["bot"] = bot }.ToJsonString(), c => c.ImBot.V2.Bot.GetAsync(botId: 456)));

        Assert.Contains("result.bot", e.Message);
        Assert.Contains("id", e.Message);
    }
}

using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests.EndToEnd;

/// <summary><c>imopenlines.bot.session.message.send</c> through the SDK against the emulated portal: what lands in the chat.</summary>
public sealed class MessageSendEndToEndTests
{
    [Fact]
    public async Task DEFAULT_delivers_the_message_to_the_chat_as_the_bot()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        bool ok = await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "Hello! How can I assist you?");

        Assert.True(ok);
        TranscriptMessage last = portal.State.GetChat(DemoPortal.ChatId).Transcript[^1];
        Assert.Equal("Hello! How can I assist you?", last.Text);
        Assert.Equal(DemoPortal.BotId, last.AuthorId);
        Assert.True(last.IsSystem);
        Assert.Single(portal.Requests.All);
    }

    [Fact]
    public async Task WELCOME_posts_the_line_greeting_and_ignores_the_message()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Welcome, "not this");

        Assert.Equal(DemoPortal.Greeting, portal.State.GetChat(DemoPortal.ChatId).Transcript[^1].Text);
    }

    [Fact]
    public async Task DEFAULT_with_an_empty_message_is_true_and_posts_nothing()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        int before = portal.State.GetChat(DemoPortal.ChatId).Transcript.Count;

        bool ok = await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, string.Empty);

        Assert.True(ok);
        Assert.Equal(before, portal.State.GetChat(DemoPortal.ChatId).Transcript.Count);
    }

    [Fact]
    public async Task The_whole_response_carries_the_portal_time_block()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        Bitrix24Response<bool> response = await client.ImOpenLines.Bot.Session.Message.SendWithResponseAsync(
            new ImOpenLinesBotSessionMessageSendRequest { ChatId = DemoPortal.ChatId, Name = AutoMessageType.Default, Message = "Hi" });

        Assert.True(response.Result);
        Assert.NotNull(response.Time.Start);
        Assert.NotNull(response.Time.Finish);
        Assert.NotNull(response.Time.DateStart);
        Assert.Equal(TimeSpan.FromHours(3), response.Time.DateStart!.Value.Offset);
        Assert.NotNull(response.Time.Operating);
        Assert.NotNull(response.Time.OperatingResetAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task A_chat_id_that_is_not_positive_is_CHAT_ID_EMPTY_with_400(int chatId)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(chatId, AutoMessageType.Default, "x"));

        Assert.Equal(Bitrix24ErrorCode.ChatIdEmpty, e.ErrorCode);
        Assert.Equal("CHAT_ID_EMPTY", e.Code);
        Assert.Equal(400, e.StatusCode);
        Assert.Equal("imopenlines.bot.session.message.send", e.Method);
    }

    [Fact]
    public async Task Unicode_text_arrives_unchanged()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        const string text = "Здравствуйте! 👋 \"quotes\" & <tags> \\ back\nnew line";

        await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, text);

        Assert.Equal(text, portal.State.GetChat(DemoPortal.ChatId).Transcript[^1].Text);
    }
}

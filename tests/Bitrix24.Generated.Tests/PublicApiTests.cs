using Bitrix24;
using Bitrix24.Emulator;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests;

/// <summary>
/// The names API.md promises, used as a user would write them: if one is renamed or moved, this file
/// stops compiling.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public async Task The_API_md_examples_compile_and_run()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(portal.WebhookUrl));

        bool ok = await client.ImOpenLines.Bot.Session.Message.SendAsync(
            chatId: 112, name: AutoMessageType.Default, message: "Hello! How can I assist you?");
        bool welcomed = await client.ImOpenLines.Bot.Session.Message.SendAsync(
            new ImOpenLinesBotSessionMessageSendRequest { ChatId = 112, Name = AutoMessageType.Welcome });
        var request = new ImOpenLinesBotSessionMessageSendRequest { ChatId = 112, Name = AutoMessageType.Welcome };
        Bitrix24Response<bool> r = await client.ImOpenLines.Bot.Session.Message.SendWithResponseAsync(request);
        (DateTimeOffset? start, TimeSpan? duration, TimeSpan? operating, DateTimeOffset? resetAt) =
            (r.Time.Start, r.Time.Duration, r.Time.Operating, r.Time.OperatingResetAt);

        Bitrix24ErrorCode caught = Bitrix24ErrorCode.Unknown;
        try
        {
            await client.ImOpenLines.Bot.Session.OperatorAsync(chatId: 0);
        }
        catch (Bitrix24ApiException e) when (e.ErrorCode == Bitrix24ErrorCode.ChatIdEmpty)
        {
            caught = e.ErrorCode;
            Assert.Equal("CHAT_ID_EMPTY", e.Code);
            Assert.Equal(400, e.StatusCode);
            Assert.Equal("Chat ID can't be empty", e.Description);
            Assert.Equal("imopenlines.bot.session.operator", e.Method);
        }

        Assert.True(ok && welcomed && r.Result);
        Assert.NotNull(start);
        Assert.NotNull(duration);
        Assert.NotNull(operating);
        Assert.NotNull(resetAt);
        Assert.Equal(Bitrix24ErrorCode.ChatIdEmpty, caught);
    }

    [Fact]
    public void Exceptions_share_the_Bitrix24Exception_base()
    {
        Bitrix24Exception api = new Bitrix24ApiException("m", "CHAT_ID_EMPTY", "d", 400);
        Bitrix24Exception transport = new Bitrix24TransportException("m", Bitrix24TransportFailure.InvalidResponse, "msg", 502, "<html>");

        Assert.IsType<Bitrix24ApiException>(api);
        Assert.IsType<Bitrix24TransportException>(transport);
        Assert.Equal(Bitrix24ErrorCode.ChatIdEmpty, ((Bitrix24ApiException)api).ErrorCode);
    }

    [Fact]
    public void Requests_and_enums_live_in_the_scope_namespace_and_required_parameters_are_required_members()
    {
        Assert.Equal("Bitrix24.ImOpenLines", typeof(ImOpenLinesBotSessionMessageSendRequest).Namespace);
        Assert.Equal("Bitrix24.ImOpenLines", typeof(AutoMessageType).Namespace);
        Assert.Equal("Bitrix24", typeof(Bitrix24Client).Namespace);

        // C# 'required' shows in metadata as RequiredMemberAttribute.
        static bool IsRequired(Type type, string property) =>
            type.GetProperty(property)!.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), inherit: false);

        Assert.True(IsRequired(typeof(ImOpenLinesBotSessionMessageSendRequest), "ChatId"));
        Assert.False(IsRequired(typeof(ImOpenLinesBotSessionMessageSendRequest), "Message"));
        Assert.True(IsRequired(typeof(ImOpenLinesBotSessionTransferRequest), "ChatId"));
        Assert.False(IsRequired(typeof(ImOpenLinesBotSessionTransferRequest), "Leave"));
    }

    [Fact]
    public async Task A_caller_supplied_HttpClient_is_used_and_not_disposed_with_the_client()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var httpClient = new HttpClient();

        using (var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(portal.WebhookUrl), httpClient))
        {
            Assert.True(await client.ImOpenLines.Bot.Session.OperatorAsync(112));
        }

        // Still usable: the caller owns it.
        using HttpResponseMessage after = await httpClient.PostAsync(new Uri(portal.WebhookUrl, "profile"), new StringContent("{}"));
        Assert.Equal(System.Net.HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(["imopenlines.bot.session.operator", "profile"], portal.Requests.All.Select(r => r.Method));
    }
}

using Bitrix24.Emulator;
using Bitrix24.Emulator.Events;
using Bitrix24.Emulator.State;
using Bitrix24.Inbound;
using OpenLinesBot.Conversation;
using OpenLinesBot.Hosting;
using Bitrix24.Tests.Shared;

namespace Bitrix24.Samples.Tests.OpenLinesBot;

/// <summary>
/// The sample bot in whole conversations on its embedded portal, driven as a customer drives a real line: joining,
/// writing, pressing buttons. Every assertion reads the portal's state, never the bot's.
/// </summary>
public sealed class ConversationTests
{
    private const string OrderAnswer = "You can follow your order at example.com/orders";

    [Fact]
    public async Task A_customer_is_greeted_gets_a_FAQ_answer_with_buttons_and_is_handed_to_an_operator_and_the_bot_leaves()
    {
        await using SupportBotApp bot = await SampleBot.StartAsync();
        EmulatedPortal portal = bot.Portal!;

        // Joining chat 112 (the bot was connected to the line at start): the line's greeting, then the questions.
        ChatSnapshot chat = await SampleBot.WaitForChatAsync(portal, DemoPortal.ChatId, c => c.Transcript.Any(m => m.Text == SupportConversation.Prompt), "the greeting");
        Assert.Contains(chat.Transcript, m => m.Text == DemoPortal.Greeting && m.IsSystem && m.AuthorId == bot.BotId); // the line's greeting, in the name of the bot that has the session
        TranscriptMessage prompt = chat.Transcript.Single(m => m.Text == SupportConversation.Prompt);
        Assert.Equal(bot.BotId, prompt.BotId ?? prompt.AuthorId);
        Assert.Equal(["Where is my order?", "How do I return something?", "Which payment methods do you accept?", "Talk to a person", "Sales", "That's all"], SampleBot.ButtonsOf(prompt));

        // A question in the customer's words: the FAQ's answer, with the keyboard again.
        portal.PostCustomerMessage(DemoPortal.ChatId, "Hi, when will my parcel ARRIVE?");
        chat = await SampleBot.WaitForChatAsync(portal, DemoPortal.ChatId, c => c.Transcript.Any(m => m.Text.StartsWith(OrderAnswer, StringComparison.Ordinal)), "the FAQ answer");
        TranscriptMessage answer = chat.Transcript.Last();
        Assert.StartsWith(OrderAnswer, answer.Text, StringComparison.Ordinal);
        Assert.Contains("Talk to a person", SampleBot.ButtonsOf(answer));

        // "Talk to a person": the session passes to the line's first free operator and the bot is gone from the chat.
        EmulatedCommandPress press = portal.PressKeyboardCommand(DemoPortal.ChatId, answer.Id, BotCommands.Person);
        Assert.True(press.Delivered, press.Reason);
        chat = await SampleBot.WaitForChatAsync(portal, DemoPortal.ChatId, c => c.Owner.Kind == SessionOwnerKind.Operator, "the operator taking over");
        Assert.Equal(SessionOwner.Operator(DemoPortal.FirstOperatorId), chat.Owner);
        Assert.Equal(SessionStatus.Active, chat.Status);
        Assert.DoesNotContain(bot.BotId, chat.Members);
        Assert.Contains(chat.Transcript, m => m.Text == SupportConversation.PassingToPerson);

        // The customer writes on: the operator's now, the bot hears nothing and says nothing.
        int before = chat.Transcript.Count;
        portal.PostCustomerMessage(DemoPortal.ChatId, "Thanks, I'll wait");
        await Task.Delay(500);
        Assert.Equal(before + 1, portal.State.GetChat(DemoPortal.ChatId).Transcript.Count);
    }

    [Fact]
    public async Task In_a_second_dialog_That_is_all_finishes_the_session()
    {
        await using SupportBotApp bot = await SampleBot.StartAsync();
        EmulatedPortal portal = bot.Portal!;

        ChatSnapshot started = portal.StartDialog(DemoPortal.LineId, "Dana Doe", "Hello, can I pay by invoice?");
        Assert.NotEqual(DemoPortal.ChatId, started.ChatId);
        ChatSnapshot chat = await SampleBot.WaitForChatAsync(portal, started.ChatId, c => c.Transcript.Any(m => m.Text.StartsWith("We accept cards", StringComparison.Ordinal)), "the answer");
        Assert.Equal(SessionOwner.Bot(bot.BotId), chat.Owner);
        Assert.Contains(chat.Transcript, m => m.Text == DemoPortal.Greeting);

        EmulatedCommandPress press = portal.PressKeyboardCommand(started.ChatId, chat.Transcript.Last().Id, BotCommands.Done);
        Assert.True(press.Delivered, press.Reason);
        chat = await SampleBot.WaitForChatAsync(portal, started.ChatId, c => c.Status == SessionStatus.Closed, "the session to finish");
        Assert.Contains(chat.Transcript, m => m.Text == SupportConversation.Goodbye);

        // Chat 112 is untouched by it.
        Assert.Equal(SessionStatus.Active, portal.State.GetChat(DemoPortal.ChatId).Status);
    }

    [Fact]
    public async Task Sales_transfers_the_dialog_to_the_sales_queue_and_the_bot_leaves()
    {
        await using SupportBotApp bot = await SampleBot.StartAsync();
        EmulatedPortal portal = bot.Portal!;
        ChatSnapshot started = portal.StartDialog(DemoPortal.LineId, "Sam Shopper", "I want to buy 200 kettles");
        ChatSnapshot chat = await SampleBot.WaitForChatAsync(portal, started.ChatId, c => c.Transcript.Any(m => m.Text == SupportConversation.NoMatch), "the bot's hint");

        Assert.True(portal.PressKeyboardCommand(started.ChatId, chat.Transcript.Last().Id, BotCommands.Sales).Delivered);

        chat = await SampleBot.WaitForChatAsync(portal, started.ChatId, c => c.Owner.Kind != SessionOwnerKind.Bot, "the transfer");
        Assert.Equal(SessionOwner.Queue(EmbeddedPortal.SalesLineId), chat.Owner);
        Assert.DoesNotContain(bot.BotId, chat.Members);
    }

    [Fact]
    public async Task In_webhook_mode_the_portal_posts_the_events_and_the_bot_answers_the_same()
    {
        await using SupportBotApp bot = await SampleBot.StartAsync("--OpenLinesBot:Mode=Webhook");
        EmulatedPortal portal = bot.Portal!;
        await SampleBot.WaitForChatAsync(portal, DemoPortal.ChatId, c => c.Transcript.Any(m => m.Text == SupportConversation.Prompt), "the greeting");

        portal.PostCustomerMessage(DemoPortal.ChatId, "how do i get a refund");
        await SampleBot.WaitForChatAsync(portal, DemoPortal.ChatId, c => c.Transcript.Any(m => m.Text.StartsWith("Returns are free", StringComparison.Ordinal)), "the FAQ answer");

        Assert.Empty(portal.State.QueuedEvents(bot.BotId));
        Assert.All(portal.Deliveries.ForBot(bot.BotId), d => Assert.Equal(200, d.HttpStatus));
        Assert.Contains(portal.Deliveries.ForBot(bot.BotId), d => d.Event == "ONIMBOTV2MESSAGEADD");
    }

    [Fact]
    public async Task A_restart_finds_the_same_bot_and_greets_nobody_twice()
    {
        await using SupportBotApp first = await SampleBot.StartAsync();
        EmulatedPortal portal = first.Portal!;
        await SampleBot.WaitForChatAsync(portal, DemoPortal.ChatId, c => c.Transcript.Any(m => m.Text == SupportConversation.Prompt), "the greeting");
        await Task.Delay(300); // a few more polls, which acknowledge the join
        await first.App.StopAsync();

        // The next process serves the same portal as a real one (no embedded portal, offsets in a folder).
        string state = Path.Combine(Path.GetTempPath(), "b24-sample-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using SupportBotApp second = await SampleBot.StartAsync(
                "--Bitrix24:WebhookUrl=" + portal.WebhookUrl, "--OpenLinesBot:BotToken=" + EmbeddedPortal.DefaultBotToken, "--OpenLinesBot:StateDirectory=" + state);
            Assert.Null(second.Portal);
            Assert.Equal(first.BotId, second.BotId);
            Assert.Single(portal.State.Bots, b => b.Code == "openlines_faq_bot");
            Assert.Equal(4, portal.State.Commands.Count(c => c.BotId == first.BotId));

            portal.PostCustomerMessage(DemoPortal.ChatId, "do you take paypal?");
            ChatSnapshot chat = await SampleBot.WaitForChatAsync(portal, DemoPortal.ChatId, c => c.Transcript.Any(m => m.Text.StartsWith("We accept cards", StringComparison.Ordinal)), "the second process's answer");
            Assert.Single(chat.Transcript, m => m.Text == SupportConversation.Prompt);
            // The offset is saved once the handler returned, which is just after its reply reached the portal.
            var offsets = new FileBitrix24EventOffsetStore(state);
            string key = $"{portal.BaseUrl.Host}:{portal.BaseUrl.Port}/bot/{second.BotId}";
            await Eventually.WaitUntilAsync(() => offsets.GetAsync(key, default).AsTask().Result is > 0, "the offset kept in the state folder");
        }
        finally
        {
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }
}

using Bitrix24.Emulator.State;
using Bitrix24.Samples.Tests.Browser;
using Microsoft.Playwright;
using OpenLinesBot.Conversation;
using OpenLinesBot.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Bitrix24.Samples.Tests.OpenLinesBot;

/// <summary>
/// The emulator's playground page in a real browser, with the sample bot behind it: what a developer does on it, and
/// what they must see. Set <c>B24_PLAYGROUND_SCREENSHOT</c> to a .png path to keep a screenshot of the end state
/// (docs/playground.png is made this way).
/// </summary>
public sealed class PlaygroundBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_customer_message_typed_on_the_page_gets_the_answer_and_keyboard_Talk_to_a_person_passes_the_dialog_to_an_operator_and_a_new_dialog_starts_from_the_page()
    {
        await using SupportBotApp bot = await SampleBot.StartAsync();
        await using IBrowserContext context = await browser.NewContextAsync();
        IPage page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);

        await page.GotoAsync(bot.PlaygroundUrl!.ToString());
        await Expect(page.Locator("[data-testid=chat-item][data-chat-id='112']")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.GetByTestId("transcript").GetByText(SupportConversation.Prompt)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("session-owner")).ToHaveTextAsync("Bot: FAQ Bot");

        // Typed as the customer, markup and all: it must come back as text, and nothing of it may run.
        const string typed = "<script>window.pwned = 1</script><b>Where</b> is my order? <img src=x onerror=\"window.pwned = 2\">";
        await page.GetByTestId("composer-input").FillAsync(typed);
        await page.GetByTestId("composer-send").ClickAsync();
        ILocator customer = page.Locator("[data-testid=message][data-author-kind=customer]").Filter(new LocatorFilterOptions { HasText = "is my order?" });
        await Expect(customer.GetByTestId("message-text")).ToHaveTextAsync(typed);
        await Expect(page.GetByTestId("composer-input")).ToHaveValueAsync(string.Empty);

        // The bot's answer from faq.yaml, with its keyboard.
        ILocator answer = page.Locator("[data-testid=message][data-author-kind=bot]").Filter(new LocatorFilterOptions { HasText = "You can follow your order" });
        await Expect(answer).ToBeVisibleAsync();
        await Expect(answer.GetByTestId("keyboard-button")).ToHaveTextAsync(
            ["Where is my order?", "How do I return something?", "Which payment methods do you accept?", "Talk to a person", "Sales", "That's all"]);

        // "Talk to a person": the session passes to the first free operator, and the page shows it without a reload.
        await answer.GetByTestId("keyboard-button").Filter(new LocatorFilterOptions { HasText = "Talk to a person" }).ClickAsync();
        await Expect(page.GetByTestId("session-owner-kind")).ToHaveAttributeAsync("data-kind", "operator");
        await Expect(page.GetByTestId("session-owner")).ToHaveTextAsync("Operator: Oliver Operator");
        await Expect(page.GetByTestId("session-bot-member")).ToHaveTextAsync("no");
        await Expect(page.GetByTestId("session-status")).ToHaveTextAsync("Active");
        await Expect(page.GetByTestId("transcript").GetByText(SupportConversation.PassingToPerson)).ToBeVisibleAsync();

        // The page showed what the portal holds, and ran none of the customer's markup.
        ChatSnapshot chat = bot.Portal!.State.GetChat(DemoPortal.ChatId);
        Assert.Equal(SessionOwner.Operator(DemoPortal.FirstOperatorId), chat.Owner);
        Assert.Contains(chat.Transcript, m => m.Text == typed);
        Assert.Equal(0, await page.Locator("[data-testid=transcript] b, [data-testid=transcript] img, [data-testid=transcript] script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        Assert.Empty(pageErrors);

        // A second customer starts a dialog from the page: it is selected, the bot greets and answers there.
        await page.GetByTestId("new-dialog-name").FillAsync("Dana Doe");
        await page.GetByTestId("new-dialog-text").FillAsync("Hello! Can I pay by invoice?");
        await page.GetByTestId("new-dialog-submit").ClickAsync();
        await Expect(page.GetByTestId("chat-item")).ToHaveCountAsync(2);
        ILocator second = page.Locator("[data-testid=chat-item][aria-current=true]");
        await Expect(second).ToContainTextAsync("Dana Doe");
        await Expect(page.Locator("[data-testid=message][data-author-kind=bot]").Filter(new LocatorFilterOptions { HasText = "We accept cards" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("session-owner")).ToHaveTextAsync("Bot: FAQ Bot");
        await Expect(page.GetByTestId("session-bot-member")).ToHaveTextAsync("yes");
        Assert.Equal(SessionOwner.Bot(bot.BotId), bot.Portal.State.GetChat(int.Parse((await second.GetAttributeAsync("data-chat-id"))!)).Owner);
        Assert.Empty(pageErrors);

        if (Environment.GetEnvironmentVariable("B24_PLAYGROUND_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        }
    }
}

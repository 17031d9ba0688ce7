using OpenLinesBot;
using OpenLinesBot.Faq;

namespace Bitrix24.Samples.Tests.OpenLinesBot;

/// <summary>The FAQ file: which entry a customer's words find, and a clear error, with its line, for a broken file.</summary>
public sealed class FaqBookTests
{
    private static readonly FaqBook Shipped = FaqBook.Load(Path.Combine(AppContext.BaseDirectory, "faq.yaml"));

    [Theory]
    [InlineData("Where is my ORDER??", "order-status")]
    [InlineData("my parcel is late, can I track it", "order-status")]
    [InlineData("I'd like to send back a damaged kettle", "returns")]
    [InlineData("Do you take PayPal?", "payment")]
    [InlineData("are you open on the weekend", "hours")]
    public void A_message_finds_the_entry_whose_keywords_it_holds_most(string message, string id) =>
        Assert.Equal(id, Shipped.Match(message)?.Id);

    [Theory]
    [InlineData("hello")]
    [InlineData("reorder")] // whole words only: "order" is not in "reorder"
    [InlineData("")]
    public void A_message_with_no_keyword_finds_nothing(string message) => Assert.Null(Shipped.Match(message));

    [Fact]
    public void The_shipped_file_offers_three_top_questions_in_file_order()
    {
        Assert.Equal(["order-status", "returns", "payment"], Shipped.Top.Select(e => e.Id));
        Assert.Equal("We accept cards (Visa, Mastercard), PayPal, and invoices for companies.", Shipped.Find("payment")?.Answer);
        Assert.Null(Shipped.Find("nope"));
    }

    [Theory]
    [InlineData("entries: [", "faq.yaml(2,1): not valid YAML")]
    [InlineData("items: []", "faq.yaml(1,1): expected a mapping with an 'entries' list")]
    [InlineData("entries: []", "'entries' is empty")]
    [InlineData("entries:\n  - id: a\n    question: Q\n    answer: A\n  - id: a\n    question: Q2\n    answer: A2", "faq.yaml(5,5): the id 'a' is used twice")]
    [InlineData("entries:\n  - id: has space\n    question: Q\n    answer: A", "faq.yaml(2,9): the id 'has space' must be 1-32 letters")]
    [InlineData("entries:\n  - id: a\n    question: Q", "faq.yaml(2,5): the entry has no 'answer'")]
    [InlineData("entries:\n  - id: a\n    question: Q\n    answer: A\n    anwser: B", "faq.yaml(5,5): unknown key 'anwser'")]
    [InlineData("entries:\n  - id: a\n    question: Q\n    answer: A\n    top: maybe", "faq.yaml(5,10): top must be true or false")]
    [InlineData("entries:\n  - id: a\n    question: Q\n    answer: A\n    keywords: order", "faq.yaml(5,15): keywords must be a list")]
    public void A_broken_file_is_refused_naming_the_line_and_what_is_wrong(string yaml, string expected)
    {
        FaqFileException error = Assert.Throws<FaqFileException>(() => FaqBook.Parse(yaml, "faq.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_settings_are_named_each_on_a_line()
    {
        var settings = new SupportBotOptions { Code = " ", BotToken = new string('x', 41), PublicUrl = new Uri("ftp://example.com"), SalesQueueId = 0, PollInterval = TimeSpan.Zero };
        Assert.Equal(
            ["OpenLinesBot:Code is empty.", "OpenLinesBot:BotToken is 41 characters long; Bitrix24 takes at most 40.", "OpenLinesBot:PublicUrl must be an absolute http or https URL.",
             "OpenLinesBot:SalesQueueId must be a positive open line id.", "OpenLinesBot:PollInterval must be positive."],
            settings.Validate());
        Assert.Empty(new SupportBotOptions().Validate());
    }
}

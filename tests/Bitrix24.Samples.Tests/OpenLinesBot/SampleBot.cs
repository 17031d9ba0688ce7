using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using OpenLinesBot.Hosting;

namespace Bitrix24.Samples.Tests.OpenLinesBot;

/// <summary>Starts the sample as `dotnet run` does (its own settings, its embedded portal), with a short poll interval, and waits on its chats.</summary>
internal static class SampleBot
{
    public static Task<SupportBotApp> StartAsync(params string[] extraArgs) =>
        SupportBotApp.StartAsync(["--urls=http://127.0.0.1:0", "--OpenLinesBot:PollInterval=00:00:00.100", .. extraArgs]);

    /// <summary>Waits until the chat satisfies the condition, and returns it; fails naming what did not happen, with the transcript.</summary>
    public static async Task<ChatSnapshot> WaitForChatAsync(EmulatedPortal portal, int chatId, Func<ChatSnapshot, bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            ChatSnapshot chat = portal.State.GetChat(chatId);
            if (condition(chat))
            {
                return chat;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what} in chat {chatId}. Transcript:{Environment.NewLine}{string.Join(Environment.NewLine, chat.Transcript)}");
            await Task.Delay(50);
        }
    }

    /// <summary>The texts of the bot's keyboard buttons on a message, in order (NEWLINE items left out).</summary>
    public static List<string> ButtonsOf(TranscriptMessage message) =>
        message.Keyboard?["BUTTONS"]?.AsArray().Select(b => (string?)b?["TEXT"]).OfType<string>().ToList() ?? [];
}

using System.Globalization;
using Bitrix24.Emulator.State;

namespace Bitrix24.Cli.Output;

/// <summary>An emulated chat after the call: who owns the session, and every message with time and author.</summary>
internal static class TranscriptPrinter
{
    public static void Write(TextWriter writer, ChatSnapshot chat, PortalState portal)
    {
        writer.WriteLine();
        writer.WriteLine($"Chat {chat.ChatId} transcript (emulator):");
        foreach (TranscriptMessage message in chat.Transcript)
        {
            // Local time: the reader compares it with their own clock.
            string time = message.Time.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            string system = message.IsSystem ? " [system]" : string.Empty;
            writer.WriteLine($"  {time}  {message.AuthorName}{system}: {message.Text}");
        }

        writer.WriteLine($"Session {chat.SessionId}: {chat.Status.ToString().ToLowerInvariant()}, owner {DescribeOwner(chat.Owner, portal)}, bot {(chat.BotIsMember ? "in the chat" : "left the chat")}.");
    }

    private static string DescribeOwner(SessionOwner owner, PortalState portal)
    {
        string? name = owner.Kind == SessionOwnerKind.Queue
            ? portal.OpenLines.FirstOrDefault(line => line.Id == owner.Id)?.Name
            : portal.Users.FirstOrDefault(user => user.Id == owner.Id)?.Name;
        return name is null ? owner.ToString() : $"{owner} ({name})";
    }
}

using System.Text;
using Bitrix24.Emulator.State;

namespace Bitrix24.Benchmarks.PerCall;

/// <summary>The one call every per-call benchmark makes, and the portal's answer to it.</summary>
internal static class SendCall
{
    public const string Method = "imopenlines.bot.session.message.send";

    /// <summary>The emulator's demo chat, so the loopback runs need no setup.</summary>
    public const int ChatId = DemoPortal.ChatId;

    public const string Message = "Thank you for your question! An operator will answer within five minutes.";

    /// <summary>
    /// The success answer: the docs' body (<c>{"result": true}</c>) with the <c>time</c> block every real
    /// answer carries (field set from the docs' data types page; values as a cloud portal writes them).
    /// </summary>
    public static readonly byte[] SuccessBody = Encoding.UTF8.GetBytes(
        """{"result":true,"time":{"start":1764067200.123456,"finish":1764067200.151234,"duration":0.027778,"processing":0.021012,"date_start":"2025-11-25T13:40:00+03:00","date_finish":"2025-11-25T13:40:00+03:00","operating_reset_at":1764067800,"operating":0.021012}}""");
}

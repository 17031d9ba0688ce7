using System.Globalization;
using System.Text.Json;

namespace Bitrix24;

/// <summary>
/// Reads the envelope's informational fields tolerantly: the <c>time</c> block (of an answer or of one
/// batch command) and <c>total</c>/<c>next</c>. Numbers or numeric strings are accepted; what is missing
/// or garbage stays null. These fields never fail a call.
/// </summary>
internal static class EnvelopeFieldReader
{
    /// <summary>Reads what it understands of the <c>time</c> block and ignores the rest; it never fails a call.</summary>
    public static Bitrix24ResponseTime? ReadTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        double? start = null, finish = null, duration = null, processing = null, operating = null, resetAt = null;
        DateTimeOffset? dateStart = null, dateFinish = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("start"u8)) { reader.Read(); start = TryReadDouble(ref reader); }
            else if (reader.ValueTextEquals("finish"u8)) { reader.Read(); finish = TryReadDouble(ref reader); }
            else if (reader.ValueTextEquals("duration"u8)) { reader.Read(); duration = TryReadDouble(ref reader); }
            else if (reader.ValueTextEquals("processing"u8)) { reader.Read(); processing = TryReadDouble(ref reader); }
            else if (reader.ValueTextEquals("operating"u8)) { reader.Read(); operating = TryReadDouble(ref reader); }
            else if (reader.ValueTextEquals("operating_reset_at"u8)) { reader.Read(); resetAt = TryReadDouble(ref reader); }
            else if (reader.ValueTextEquals("date_start"u8)) { reader.Read(); dateStart = TryReadDate(ref reader); }
            else if (reader.ValueTextEquals("date_finish"u8)) { reader.Read(); dateFinish = TryReadDate(ref reader); }
            else { reader.Read(); reader.Skip(); }
        }

        return new Bitrix24ResponseTime
        {
            Start = FromUnix(start),
            Finish = FromUnix(finish),
            Duration = Seconds(duration),
            Processing = Seconds(processing),
            DateStart = dateStart,
            DateFinish = dateFinish,
            Operating = Seconds(operating),
            OperatingResetAt = FromUnix(resetAt),
        };
    }

    /// <summary>Only <c>operating_reset_at</c> of a <c>time</c> block (read as <see cref="ReadTime(ref Utf8JsonReader)"/> would); the rest is skipped.</summary>
    public static DateTimeOffset? ReadOperatingResetAt(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        double? resetAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool wanted = reader.ValueTextEquals("operating_reset_at"u8);
            reader.Read();
            if (wanted)
            {
                resetAt = TryReadDouble(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return FromUnix(resetAt);
    }

    public static double? TryReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double number))
        {
            return double.IsFinite(number) ? number : null;
        }

        if (reader.TokenType == JsonTokenType.String
            && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed))
        {
            return parsed;
        }

        reader.Skip();
        return null;
    }

    public static int? TryReadInt(ref Utf8JsonReader reader) =>
        TryReadDouble(ref reader) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    private static DateTimeOffset? TryReadDate(ref Utf8JsonReader reader)
    {
        // The portal's ISO 8601 with an explicit offset parses straight from the UTF-8 bytes; anything
        // else (no offset, other layouts) goes through DateTimeOffset.TryParse, which assumes UTC.
        if (reader.TokenType == JsonTokenType.String && HasExplicitOffset(ref reader) && reader.TryGetDateTimeOffset(out DateTimeOffset exact))
        {
            return exact;
        }

        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    /// <summary>Ends in <c>Z</c> or <c>±hh:mm</c>.</summary>
    private static bool HasExplicitOffset(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return false;
        }

        ReadOnlySpan<byte> value = reader.ValueSpan;
        return value.Length > 6 && (value[^1] == (byte)'Z' || (value[^6] is (byte)'+' or (byte)'-' && value[^3] == (byte)':'));
    }

    // Unix seconds from year 1 to 9999 only; anything else is garbage and ignored.
    private static DateTimeOffset? FromUnix(double? seconds) =>
        seconds is { } s && s is > -62135596800 and < 253402300799 ? DateTimeOffset.UnixEpoch.AddTicks((long)(s * TimeSpan.TicksPerSecond)) : null;

    private static TimeSpan? Seconds(double? seconds) =>
        seconds is { } s && Math.Abs(s) < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromTicks((long)(s * TimeSpan.TicksPerSecond)) : null;

    /// <summary>Reads a <c>time</c> block already parsed into an element (a batch command's <c>result_time</c> entry).</summary>
    public static Bitrix24ResponseTime? ReadTime(JsonElement time)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(time.GetRawText()));
        reader.Read();
        return ReadTime(ref reader);
    }
}

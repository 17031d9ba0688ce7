using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Wire;

/// <summary>
/// The <c>time</c> object of a response (REST docs: the time block): start and finish as fractional Unix seconds,
/// duration, processing, ISO dates with the portal's offset, and, when the operating limit is on,
/// <c>operating</c> and <c>operating_reset_at</c> for the method called.
/// </summary>
/// <param name="Start">When the portal started the request.</param>
/// <param name="Processing">Time spent in the method handler.</param>
/// <param name="Offset">The portal's time-zone offset for the date strings.</param>
/// <param name="Operating">Accumulated execution time of the method for this app or webhook, in seconds.</param>
/// <param name="OperatingResetAt">When the oldest bucket of that time drops out, as Unix seconds.</param>
internal sealed record TimeBlock(DateTimeOffset Start, TimeSpan Processing, TimeSpan Offset, double? Operating, long? OperatingResetAt)
{
    public DateTimeOffset Finish => Start + Processing;

    public void WriteTo(Utf8JsonWriter writer) => ToJson().WriteTo(writer);

    public JsonObject ToJson()
    {
        var time = new JsonObject
        {
            ["start"] = UnixSeconds(Start),
            ["finish"] = UnixSeconds(Finish),
            ["duration"] = Math.Round(Processing.TotalSeconds, 6),
            ["processing"] = Math.Round(Processing.TotalSeconds, 6),
            ["date_start"] = Start.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["date_finish"] = Finish.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        };
        if (OperatingResetAt is long resetAt)
        {
            time["operating_reset_at"] = resetAt;
        }

        if (Operating is double operating)
        {
            time["operating"] = Math.Round(operating, 6);
        }

        return time;
    }

    private static double UnixSeconds(DateTimeOffset time) => Math.Round((time - DateTimeOffset.UnixEpoch).TotalSeconds, 6);
}

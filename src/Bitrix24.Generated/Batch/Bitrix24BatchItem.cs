using System.Text;
using System.Text.Json;

namespace Bitrix24;

/// <summary>
/// One command of a <see cref="Bitrix24Batch"/>: its key and method, and after
/// <see cref="Bitrix24Batch.ExecuteAsync"/> its <see cref="Status"/>, its error if it failed, and the
/// <c>result_total</c>, <c>result_next</c> and <c>result_time</c> entries the portal sent for it.
/// The typed result is on <see cref="Bitrix24BatchItem{TResult}"/>.
/// </summary>
public abstract class Bitrix24BatchItem
{
    private const int ExcerptLength = 200;

    private string? _notDoneReason;
    private Exception? _notDoneCause;

    private protected Bitrix24BatchItem(string key, string method, string command, bool isIdempotent)
    {
        Key = key;
        Method = method;
        Command = command;
        IsIdempotent = isIdempotent;
    }

    /// <summary>
    /// The command's key in the <c>cmd</c> object: <c>c</c> and its position in the batch, from 0
    /// (<c>c0</c>, <c>c1</c>, ... <c>c119</c>), the same whichever call of the batch carries it.
    /// </summary>
    public string Key { get; }

    /// <summary>The REST method, e.g. <c>imopenlines.bot.session.message.send</c>.</summary>
    public string Method { get; }

    /// <summary>What became of the command; <see cref="Bitrix24BatchItemStatus.Pending"/> until the batch has run.</summary>
    public Bitrix24BatchItemStatus Status { get; private set; }

    /// <summary>
    /// The portal's error for this command (from <c>result_error</c>), when it answered one; never thrown
    /// by the batch. Branch on its <see cref="Bitrix24ApiException.ErrorCode"/>. Its
    /// <see cref="Bitrix24ApiException.StatusCode"/> is the status of the batch answer (200).
    /// </summary>
    public Bitrix24ApiException? Error => Failure as Bitrix24ApiException;

    /// <summary>
    /// Why a <see cref="Bitrix24BatchItemStatus.Failed"/> command has no result: <see cref="Error"/>, or a
    /// <see cref="Bitrix24TransportException"/> (<see cref="Bitrix24TransportFailure.InvalidResponse"/>)
    /// when the portal's result for it could not be read. Null for any other status.
    /// </summary>
    public Bitrix24Exception? Failure { get; private set; }

    /// <summary>For list methods, the total number of items (<c>result_total</c>), if the portal sent one.</summary>
    public int? Total { get; private set; }

    /// <summary>For list methods, the <c>start</c> of the next page (<c>result_next</c>), if there is one.</summary>
    public int? Next { get; private set; }

    /// <summary>The command's own <c>time</c> block (<c>result_time</c>), if the portal sent one.</summary>
    public Bitrix24ResponseTime? Time { get; private set; }

    /// <summary>The command as sent: <c>method?PARAM=value&amp;...</c>.</summary>
    internal string Command { get; }

    internal bool IsIdempotent { get; }

    /// <inheritdoc/>
    public override string ToString() => Status switch
    {
        Bitrix24BatchItemStatus.Failed => $"{Key} {Method}: Failed ({Failure!.Message})",
        _ => $"{Key} {Method}: {Status}",
    };

    /// <summary>Reads the command's result with the method's reader; a value it cannot read fails only this command.</summary>
    internal void Complete(ReadOnlySpan<byte> resultJson, BatchEntry entry, SecretRedactor redactor)
    {
        SetEntry(entry);
        try
        {
            var reader = new Utf8JsonReader(resultJson);
            reader.Read();
            ReadResult(ref reader);
            Status = Bitrix24BatchItemStatus.Succeeded;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            string excerpt = Excerpt(redactor.Redact(Encoding.UTF8.GetString(resultJson)));
            Fail(new Bitrix24TransportException(
                Method,
                Bitrix24TransportFailure.InvalidResponse,
                $"{Method}: the result of batch command {Key} could not be read: {redactor.Redact(ex.Message)} The command ran. Result starts: {excerpt}",
                statusCode: entry.StatusCode,
                responseExcerpt: excerpt,
                innerException: new JsonException(redactor.Redact(ex.Message))));
        }
    }

    /// <summary>The portal answered an error for this command.</summary>
    internal void Fail(Bitrix24Exception failure, BatchEntry entry)
    {
        SetEntry(entry);
        Fail(failure);
    }

    /// <summary>The command surely did not run, for <paramref name="reason"/>.</summary>
    internal void SkipAsNotExecuted(string reason, Exception? cause = null) => SetNotDone(Bitrix24BatchItemStatus.NotExecuted, reason, cause);

    /// <summary>The call carrying the command failed after it may have reached the portal.</summary>
    internal void MarkOutcomeUnknown(string reason, Exception? cause) => SetNotDone(Bitrix24BatchItemStatus.OutcomeUnknown, reason, cause);

    /// <summary>Reads the result from the reader (on the value's first token) and keeps it.</summary>
    private protected abstract void ReadResult(ref Utf8JsonReader reader);

    /// <summary>What <see cref="Bitrix24BatchItem{TResult}.Result"/> throws when there is no result.</summary>
    private protected Exception NoResult() => Status switch
    {
        Bitrix24BatchItemStatus.Failed => Failure!,
        Bitrix24BatchItemStatus.Pending => new InvalidOperationException(
            $"Batch command {Key} ({Method}) has not run yet: await the batch's ExecuteAsync before reading its result."),
        Bitrix24BatchItemStatus.NotExecuted => new InvalidOperationException(
            $"Batch command {Key} ({Method}) has no result: it was not executed ({_notDoneReason}).", _notDoneCause),
        _ => new InvalidOperationException(
            $"Batch command {Key} ({Method}) has no result: it may or may not have run ({_notDoneReason}).", _notDoneCause),
    };

    private void Fail(Bitrix24Exception failure)
    {
        Failure = failure;
        Status = Bitrix24BatchItemStatus.Failed;
    }

    private void SetEntry(BatchEntry entry)
    {
        Total = entry.Total;
        Next = entry.Next;
        Time = entry.Time;
    }

    private void SetNotDone(Bitrix24BatchItemStatus status, string reason, Exception? cause)
    {
        Status = status;
        _notDoneReason = reason;
        _notDoneCause = cause;
    }

    private static string Excerpt(string text) =>
        text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "...";
}

/// <summary>A command of a <see cref="Bitrix24Batch"/> whose result is a <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">The type of the method's <c>result</c>, as for a direct call.</typeparam>
public sealed class Bitrix24BatchItem<TResult> : Bitrix24BatchItem
{
    private readonly Bitrix24ResultReader<TResult> _readResult;
    private TResult _result = default!;

    internal Bitrix24BatchItem(string key, string method, string command, bool isIdempotent, Bitrix24ResultReader<TResult> readResult)
        : base(key, method, command, isIdempotent)
    {
        _readResult = readResult;
    }

    /// <summary>The command's result, once it has <see cref="Bitrix24BatchItemStatus.Succeeded"/>.</summary>
    /// <exception cref="Bitrix24ApiException">The command failed with this error (the same as <see cref="Bitrix24BatchItem.Error"/>).</exception>
    /// <exception cref="Bitrix24TransportException">The command ran but its result could not be read (the same as <see cref="Bitrix24BatchItem.Failure"/>).</exception>
    /// <exception cref="InvalidOperationException">The command has no result: the batch has not run, or the command was not executed, or its outcome is unknown (see <see cref="Bitrix24BatchItem.Status"/>).</exception>
    public TResult Result => Status == Bitrix24BatchItemStatus.Succeeded ? _result : throw NoResult();

    private protected override void ReadResult(ref Utf8JsonReader reader) => _result = _readResult(ref reader);
}

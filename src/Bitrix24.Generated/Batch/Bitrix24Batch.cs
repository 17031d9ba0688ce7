using System.Collections.ObjectModel;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Bitrix24;

/// <summary>
/// Commands queued to run together through Bitrix24's <c>batch</c> method. Create one with
/// <see cref="Bitrix24Client.CreateBatch"/>, queue commands the way you call methods
/// (<c>batch.ImOpenLines.Bot.Session.Message.Send(...)</c>; each returns its
/// <see cref="Bitrix24BatchItem{TResult}"/>), then await <see cref="ExecuteAsync"/> once and read each
/// item's <see cref="Bitrix24BatchItem{TResult}.Result"/>, <see cref="Bitrix24BatchItem.Error"/> or
/// <see cref="Bitrix24BatchItem.Status"/>.
/// </summary>
/// <remarks>
/// <para>
/// The portal runs at most <see cref="MaxCommandsPerCall"/> commands per call, so a longer batch is
/// sent as several calls of up to 50 commands, one after another, in the order the commands were
/// queued. Command keys are <c>c0</c>, <c>c1</c>, ... by position in the whole batch.
/// </para>
/// <para>
/// Errors of single commands are never thrown: they are on their items. Without <see cref="Halt"/>
/// every command runs whatever the others do. With it, the portal stops at the first failing command
/// of a call (the commands after it are <see cref="Bitrix24BatchItemStatus.NotExecuted"/>) and the
/// calls after that one are not made, so the batch stops at the first failure as one batch would.
/// </para>
/// <para>
/// When a call itself fails (an error envelope such as <c>QUERY_LIMIT_EXCEEDED</c>, or no valid answer),
/// <see cref="ExecuteAsync"/> throws the usual <see cref="Bitrix24ApiException"/> or
/// <see cref="Bitrix24TransportException"/>, whose message says which commands may have run and which
/// did not; the calls after it are not made. Commands of calls that completed keep their results. The
/// commands of the failed call are <see cref="Bitrix24BatchItemStatus.OutcomeUnknown"/> when the
/// portal may have run them, otherwise <see cref="Bitrix24BatchItemStatus.NotExecuted"/>.
/// </para>
/// <para>
/// A call is repeated by the client's retry rules only when every command in it is idempotent. Errors
/// of single commands (even <c>QUERY_LIMIT_EXCEEDED</c>) are never retried by the SDK; the error's
/// <see cref="Bitrix24ApiException.RetryClass"/> says whether queuing the command again is safe.
/// </para>
/// <para>
/// Parameters are sent as they are, percent-encoded. The portal replaces <c>$result[key][field]</c>
/// in any parameter with an earlier command's result, so text containing <c>$result[</c> cannot be
/// sent verbatim in a batch (send it with a direct call).
/// </para>
/// <para>A batch is built and run by one caller: it is not thread-safe, and it runs once.</para>
/// </remarks>
public sealed partial class Bitrix24Batch
{
    /// <summary>The most commands the portal runs in one <c>batch</c> call (REST docs: batch).</summary>
    public const int MaxCommandsPerCall = 50;

    private static readonly Bitrix24Method<BatchCall, BatchResults> IdempotentBatch = CreateDescriptor(isIdempotent: true);
    private static readonly Bitrix24Method<BatchCall, BatchResults> NonIdempotentBatch = CreateDescriptor(isIdempotent: false);

    private readonly Bitrix24Client _client;
    private readonly SecretRedactor _redactor;
    private readonly List<Bitrix24BatchItem> _items = new();
    private readonly ReadOnlyCollection<Bitrix24BatchItem> _readOnlyItems;
    private int _executed;

    internal Bitrix24Batch(Bitrix24Client client, bool halt, SecretRedactor redactor)
    {
        _client = client;
        _redactor = redactor;
        _readOnlyItems = _items.AsReadOnly();
        Halt = halt;
    }

    /// <summary>Whether the batch stops at the first failing command (the portal's <c>halt</c>).</summary>
    public bool Halt { get; }

    /// <summary>How many commands are queued.</summary>
    public int Count => _items.Count;

    /// <summary>The queued commands, in order.</summary>
    public IReadOnlyList<Bitrix24BatchItem> Items => _readOnlyItems;

    /// <summary>Whether <see cref="ExecuteAsync"/> has been called; no command can be queued after that.</summary>
    public bool IsExecuted => Volatile.Read(ref _executed) != 0;

    /// <summary>
    /// Queues a command through its descriptor. Generated methods use this; call it directly only for
    /// a method descriptor of your own. The parameters are written now, so a request that cannot be
    /// sent throws here and nothing is queued.
    /// </summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TResult">The type of the method's <c>result</c>.</typeparam>
    /// <param name="method">The method's descriptor.</param>
    /// <param name="request">The parameters.</param>
    /// <returns>The queued command, completed by <see cref="ExecuteAsync"/>.</returns>
    /// <exception cref="ArgumentException">The request cannot be sent (a required parameter is missing).</exception>
    /// <exception cref="InvalidOperationException">The batch has already been executed.</exception>
    public Bitrix24BatchItem<TResult> Add<TRequest, TResult>(Bitrix24Method<TRequest, TResult> method, TRequest request)
    {
        ArgumentNullException.ThrowIfNull(method);
        ThrowIfExecuted();
        string command = BatchCommandEncoder.Encode(method, request);
        string key = "c" + _items.Count.ToString(CultureInfo.InvariantCulture);
        var item = new Bitrix24BatchItem<TResult>(key, method.Name, command, method.IsIdempotent, method.ReadResult);
        _items.Add(item);
        return item;
    }

    // Task in full: task.* is a Bitrix24 method family, and its namespace Bitrix24.Task would be found before System.Threading.Tasks.Task.
    /// <summary>
    /// Sends the queued commands, in calls of up to <see cref="MaxCommandsPerCall"/>, and sets each item's
    /// outcome. An empty batch makes no call. A batch runs once.
    /// </summary>
    /// <param name="cancellationToken">Cancels the batch; commands of calls not yet made are not executed.</param>
    /// <returns>A task that completes when every call has been made (or the batch halted).</returns>
    /// <exception cref="Bitrix24ApiException">A <c>batch</c> call was answered with an error envelope; its message says which commands did not run.</exception>
    /// <exception cref="Bitrix24TransportException">A <c>batch</c> call got no valid answer; its message says which commands may have run.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The batch has already been executed.</exception>
    public async global::System.Threading.Tasks.Task ExecuteAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _executed, 1) != 0)
        {
            throw AlreadyExecuted();
        }

        int calls = (_items.Count + MaxCommandsPerCall - 1) / MaxCommandsPerCall;
        for (int call = 0; call < calls; call++)
        {
            int start = call * MaxCommandsPerCall;
            int count = Math.Min(MaxCommandsPerCall, _items.Count - start);
            if (cancellationToken.IsCancellationRequested)
            {
                SkipFrom(start, "the batch was cancelled before the call carrying it was made", null);
                cancellationToken.ThrowIfCancellationRequested();
            }

            var batchCall = new BatchCall(Halt, _items, start, count);
            Bitrix24Response<BatchResults> response;
            try
            {
                response = await _client.CallAsync(batchCall.IsIdempotent ? IdempotentBatch : NonIdempotentBatch, batchCall, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                throw CallFailed(ex, call, calls, start, count);
            }

            if (Apply(response, start, count) && Halt)
            {
                SkipFrom(start + count, "an earlier command of the batch failed and the batch halts on errors", null);
                return;
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Bitrix24Batch {{ {_items.Count} command(s), halt: {(Halt ? "on" : "off")}{(IsExecuted ? ", executed" : string.Empty)} }}";

    private static Bitrix24Method<BatchCall, BatchResults> CreateDescriptor(bool isIdempotent) => new()
    {
        Name = "batch",
        Summary = "Runs up to 50 REST commands in one call.",
        DocsUrl = "https://apidocs.bitrix24.com/settings/how-to-call-rest-api/batch.html",
        Scopes = Array.Empty<string>(),
        IsIdempotent = isIdempotent,
        // Informational only (the catalog does not list batch); the SDK reads the result itself.
        Result = Bitrix24ValueType.String,
        WriteParameters = static (writer, call) => call.Write(writer),
        ReadResult = BatchResults.Read,
    };

    /// <summary>Sets the outcome of each command of one call; true when the portal reported an error for any of them.</summary>
    private bool Apply(Bitrix24Response<BatchResults> response, int start, int count)
    {
        BatchResults results = response.Result;
        bool anyError = false;
        for (int i = start; i < start + count; i++)
        {
            Bitrix24BatchItem item = _items[i];
            BatchEntry entry = results.EntryFor(item.Key, response.StatusCode);
            if (results.Errors.TryGetValue(item.Key, out BatchError? error))
            {
                anyError = true;
                item.Fail(CommandError(item, error, entry), entry);
            }
            else if (results.Results.TryGetValue(item.Key, out byte[]? json))
            {
                item.Complete(json, entry, _redactor);
            }
            else
            {
                item.SkipAsNotExecuted(Halt && anyError
                    ? "an earlier command of the batch failed and the batch halts on errors"
                    : "the portal returned neither a result nor an error for it");
            }
        }

        return anyError;
    }

    private Bitrix24Exception CommandError(Bitrix24BatchItem item, BatchError error, BatchEntry entry) =>
        error.Code is { } code
            ? new Bitrix24ApiException(item.Method, code, _redactor.Redact(error.Description), entry.StatusCode, entry.Time)
            : new Bitrix24TransportException(
                item.Method,
                Bitrix24TransportFailure.InvalidResponse,
                $"{item.Method}: the portal reported an error for batch command {item.Key} that could not be read: {_redactor.Redact(error.Raw)}",
                entry.StatusCode,
                _redactor.Redact(error.Raw));

    /// <summary>
    /// Marks the commands of a failed call (may have run, or not) and of the calls not made, and returns
    /// the exception to throw: the call's own, with a note on the commands, of the same type.
    /// </summary>
    private Exception CallFailed(Exception ex, int call, int calls, int start, int count)
    {
        bool mayHaveRun = ex switch
        {
            Bitrix24TransportException transport => transport.MayHaveReachedPortal,
            // The portal refused the call (limits, auth, a bad batch) unless the code says the work may have been done.
            Bitrix24ApiException api => api.RetryClass == Bitrix24RetryClass.IfIdempotent,
            _ => true,
        };

        string reason = mayHaveRun
            ? "the batch call carrying it failed after it may have reached the portal"
            : "the batch call carrying it was refused";
        for (int i = start; i < start + count; i++)
        {
            if (mayHaveRun)
            {
                _items[i].MarkOutcomeUnknown(reason, ex);
            }
            else
            {
                _items[i].SkipAsNotExecuted(reason, ex);
            }
        }

        SkipFrom(start + count, "an earlier call of the batch failed, so this one was not made", ex);

        int later = _items.Count - start - count;
        string note = "Batch call " + (call + 1).ToString(CultureInfo.InvariantCulture) + " of " + calls.ToString(CultureInfo.InvariantCulture) + ": "
            + Commands(start, count, mayHaveRun ? "may have run" : "did not run", mayHaveRun ? "may have run" : "did not run")
            + (start > 0 ? "; " + Commands(0, start, "ran in an earlier call and keeps its result", "ran in earlier calls and keep their results") : string.Empty)
            + (later > 0 ? "; " + Commands(start + count, later, "was not sent", "were not sent") : string.Empty)
            + ".";
        switch (ex)
        {
            case Bitrix24ApiException api:
                return new Bitrix24ApiException(api, note);
            case Bitrix24TransportException transport:
                return new Bitrix24TransportException(
                    transport.Method, transport.Failure, transport.Message + " " + note, transport.StatusCode, transport.ResponseExcerpt, transport);
            default:
                // Cancellation and anything unexpected go up unchanged, with their own stack trace.
                ExceptionDispatchInfo.Capture(ex).Throw();
                return ex;
        }
    }

    private void SkipFrom(int start, string reason, Exception? cause)
    {
        for (int i = start; i < _items.Count; i++)
        {
            _items[i].SkipAsNotExecuted(reason, cause);
        }
    }

    /// <summary>"command c0 did not run", "commands c50..c99 may have run".</summary>
    private string Commands(int start, int count, string one, string many) =>
        count == 1
            ? "command " + _items[start].Key + " " + one
            : "commands " + _items[start].Key + ".." + _items[start + count - 1].Key + " " + many;

    private void ThrowIfExecuted()
    {
        if (IsExecuted)
        {
            throw AlreadyExecuted();
        }
    }

    private static InvalidOperationException AlreadyExecuted() =>
        new("This batch has already been executed; a batch runs once. Queue further commands in a new one (Bitrix24Client.CreateBatch).");

    /// <summary>
    /// The request of one <c>batch</c> call: <c>{"halt":0|1,"cmd":{"c0":"method?query",...}}</c>
    /// (the client adds <c>auth</c> for OAuth; commands run with the batch's authorization).
    /// </summary>
    private sealed class BatchCall
    {
        private readonly bool _halt;
        private readonly List<Bitrix24BatchItem> _items;
        private readonly int _start;
        private readonly int _count;

        public BatchCall(bool halt, List<Bitrix24BatchItem> items, int start, int count)
        {
            _halt = halt;
            _items = items;
            _start = start;
            _count = count;
            IsIdempotent = items.Skip(start).Take(count).All(item => item.IsIdempotent);
        }

        public bool IsIdempotent { get; }

        public void Write(Utf8JsonWriter writer)
        {
            writer.WriteNumber("halt", _halt ? 1 : 0);
            writer.WriteStartObject("cmd");
            for (int i = _start; i < _start + _count; i++)
            {
                writer.WriteString(_items[i].Key, _items[i].Command);
            }

            writer.WriteEndObject();
        }
    }
}

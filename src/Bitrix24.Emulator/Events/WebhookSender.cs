using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// The emulated queue server: deliveries wait in one queue and a single background task POSTs them in order, so an
/// event raised while a REST call holds the portal's lock never waits for a handler, and a handler may call the portal
/// back. A failure (refused connection, non-2xx answer, no answer within the timeout) is recorded and not retried.
/// </summary>
internal sealed class WebhookSender : IAsyncDisposable
{
    private const int MaxResponseChars = 4096;

    private readonly Channel<(EmulatedDelivery Delivery, byte[] Body)> _queue =
        Channel.CreateUnbounded<(EmulatedDelivery, byte[])>(new UnboundedChannelOptions { SingleReader = true });

    private readonly object _gate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _waiters = [];
    private readonly DeliveryLog _log;
    private readonly TimeSpan _timeout;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _drain;
    private long _queued;
    private long _finished;
    private int _disposed;

    public WebhookSender(DeliveryLog log, TimeSpan timeout)
    {
        _log = log;
        _timeout = timeout;

        // No proxy and no redirects: the emulator is offline, and a redirect is an answer that is not 2xx.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Bitrix24.Emulator");
        _drain = Task.Run(DrainAsync);
    }

    /// <summary>Logs a delivery and queues it; returns at once.</summary>
    public EmulatedDelivery Enqueue(Func<int, EmulatedDelivery> create)
    {
        lock (_gate)
        {
            EmulatedDelivery delivery = create(_log.NextSequence());
            _log.Add(delivery);
            _queued++;
            if (!_queue.Writer.TryWrite((delivery, Encoding.UTF8.GetBytes(delivery.Body))))
            {
                // The portal is stopping: nothing will be sent any more.
                FinishLocked(delivery, null, "the portal stopped before sending it", null, TimeSpan.Zero);
            }

            return delivery;
        }
    }

    /// <summary>Completes when every delivery queued before the call has been sent or has failed.</summary>
    public Task WhenDeliveredAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_finished >= _queued)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((_queued, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _drain.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for the next delivery.
        }

        // Whatever was still queued will not be sent.
        while (_queue.Reader.TryRead(out (EmulatedDelivery Delivery, byte[] Body) left))
        {
            lock (_gate)
            {
                FinishLocked(left.Delivery, null, "the portal stopped before sending it", null, TimeSpan.Zero);
            }
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task DrainAsync()
    {
        while (await _queue.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out (EmulatedDelivery Delivery, byte[] Body) next))
            {
                (int? status, string? error, string? response, TimeSpan duration) = await SendAsync(next.Delivery, next.Body).ConfigureAwait(false);
                lock (_gate)
                {
                    FinishLocked(next.Delivery, status, error, response, duration);
                }
            }
        }
    }

    private async Task<(int? Status, string? Error, string? Response, TimeSpan Duration)> SendAsync(EmulatedDelivery delivery, byte[] body)
    {
        long started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        deadline.CancelAfter(_timeout);
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            string? error = status is >= 200 and < 300 ? null : "HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (status, error, text.Length > MaxResponseChars ? text[..MaxResponseChars] : text, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return (null, "the portal stopped while sending it", null, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException)
        {
            return (null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no answer within {_timeout.TotalSeconds:0.###} s"), null, Stopwatch.GetElapsedTime(started));
        }
        catch (IOException e)
        {
            return (null, e.Message, null, Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException e)
        {
            string reason = e.InnerException is SocketException socket ? socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.ConnectionReset => "connection reset",
                _ => socket.Message,
            } : e.Message;
            return (null, reason, null, Stopwatch.GetElapsedTime(started));
        }
    }

    private void FinishLocked(EmulatedDelivery delivery, int? status, string? error, string? response, TimeSpan duration)
    {
        delivery.Finish(status, error, response, duration);
        _finished++;
        for (int i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Target <= _finished)
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Bitrix24;

/// <summary>
/// One HTTP attempt of a call: write the JSON body, POST it to the method's URL, read the envelope,
/// and turn every failure into <see cref="Bitrix24ApiException"/> or <see cref="Bitrix24TransportException"/>.
/// Caller cancellation surfaces as <see cref="OperationCanceledException"/>. Pacing, retries and token
/// refresh wrap this in <see cref="ResilientCaller"/>.
/// </summary>
internal sealed class Bitrix24Transport
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly Bitrix24ClientOptions _options;
    private readonly HttpClient _httpClient;
    private readonly SecretRedactor _redactor;
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);
    private readonly RequestTimeouts _timeouts = new();

    public Bitrix24Transport(Bitrix24ClientOptions options, HttpClient httpClient, SecretRedactor redactor)
    {
        _options = options;
        _httpClient = httpClient;
        _redactor = redactor;
    }

    /// <summary>Writes the body, which can throw <see cref="ArgumentException"/> before anything is sent.</summary>
    /// <param name="method">The method, whose writer puts the parameters.</param>
    /// <param name="request">The parameters.</param>
    /// <param name="accessToken">For OAuth, the token to send as <c>auth</c>; null for webhooks.</param>
    public ReadOnlyMemory<byte> WriteBody<TRequest, TResult>(Bitrix24Method<TRequest, TResult> method, TRequest request, string? accessToken)
    {
        using CachedJsonWriter body = CachedJsonWriter.Rent();
        Utf8JsonWriter writer = body.Json;
        writer.WriteStartObject();
        method.WriteParameters(writer, request);
        if (accessToken is not null)
        {
            writer.WriteString("auth"u8, accessToken);
        }

        writer.WriteEndObject();
        return body.ToArray();
    }

    /// <summary>Sends one attempt with a body from <see cref="WriteBody"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Answer<TResult>> SendAsync<TRequest, TResult>(
        Bitrix24Method<TRequest, TResult> method,
        ReadOnlyMemory<byte> body,
        bool readTime,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        using var message = new HttpRequestMessage(HttpMethod.Post, MethodUri(method.Name))
        {
            Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = JsonContentType } },
        };

        using RequestTimeouts.Lease timeout = _timeouts.Start(_options.RequestTimeout, cancellationToken);
        CancellationToken token = timeout.Token;
        int statusCode;
        PooledResponseBody responseBody;
        try
        {
            using HttpResponseMessage response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            statusCode = (int)response.StatusCode;
            responseBody = await PooledResponseBody.ReadAsync(response.Content, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw new Bitrix24TransportException(method.Name, Bitrix24TransportFailure.Timeout,
                $"{method.Name}: no answer from {_options.Portal.Host} within {_options.RequestTimeout.TotalSeconds:0.###} s; the portal may have run the method.",
                innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            throw ConnectionFailure(method.Name, ex);
        }
        catch (IOException ex)
        {
            throw ConnectionFailure(method.Name, new HttpRequestException(ex.Message, ex));
        }

        using (responseBody)
        {
            return ResponseEnvelopeReader.Read(method.Name, statusCode, responseBody.Span, method.ReadResult, _redactor, readTime);
        }
    }

    private Uri MethodUri(string method) =>
        _methodUris.GetOrAdd(method, static (name, endpoint) => new Uri(endpoint, Uri.EscapeDataString(name)), _options.RestEndpoint);

    /// <summary>
    /// Errors while connecting mean the request never left; anything later (a reset, a connection
    /// closed mid-answer) means the portal may have run the method.
    /// </summary>
    private Bitrix24TransportException ConnectionFailure(string method, HttpRequestException ex)
    {
        bool notSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
        string detail = _redactor.Redact(ex.Message);
        return notSent
            ? new Bitrix24TransportException(method, Bitrix24TransportFailure.ConnectionFailed,
                $"{method}: could not connect to {_options.Portal.Host} ({detail}); the request was not sent.", innerException: ex)
            : new Bitrix24TransportException(method, Bitrix24TransportFailure.ConnectionLost,
                $"{method}: the connection to {_options.Portal.Host} failed after the request was sent ({detail}); the portal may have run the method.",
                innerException: ex);
    }
}

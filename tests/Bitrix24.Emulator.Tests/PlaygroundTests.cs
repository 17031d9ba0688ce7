using System.Net;
using System.Text.RegularExpressions;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// The playground page at <c>/_emulator/</c> and its two files: content types, the security headers every answer
/// carries, the redirect, and cheap guards on what the files may contain (the escaping itself is proven in a browser).
/// </summary>
public sealed partial class PlaygroundTests
{
    private const string Csp =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(TestPortal portal, string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.Portal.BaseUrl };
        HttpResponseMessage response = await client.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static void AssertSecure(HttpResponseMessage response)
    {
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Csp, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("_emulator/", "text/html; charset=utf-8", "<!doctype html>")]
    [InlineData("_emulator/playground.css", "text/css; charset=utf-8", ":root")]
    [InlineData("_emulator/playground.js", "text/javascript; charset=utf-8", "'use strict'")]
    public async Task The_page_and_its_files_are_served_with_their_type_and_the_security_headers(string path, string contentType, string content)
    {
        await using var portal = await TestPortal.StartAsync();

        (HttpResponseMessage response, string body) = await GetAsync(portal, path);

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
            AssertSecure(response);
            Assert.Contains(content, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_the_slash_the_page_redirects_to_it()
    {
        await using var portal = await TestPortal.StartAsync();

        (HttpResponseMessage response, _) = await GetAsync(portal, "_emulator");

        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/_emulator/", response.Headers.Location?.ToString());
            AssertSecure(response);
        }
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style_and_loads_only_its_own_files()
    {
        await using var portal = await TestPortal.StartAsync();

        (HttpResponseMessage response, string html) = await GetAsync(portal, "_emulator/");
        response.Dispose();

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(StyleAttributeOrElement(), html);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
        // data:, is the empty icon, so the browser asks for no /favicon.ico.
        Assert.Equal(["data:,", "playground.css", "playground.js"], Sources().Matches(html).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_script_never_parses_text_as_HTML_or_code()
    {
        await using var portal = await TestPortal.StartAsync();

        (HttpResponseMessage response, string script) = await GetAsync(portal, "_emulator/playground.js");
        response.Dispose();

        foreach (string forbidden in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "new Function", "setAttribute('href'", "setAttribute(\"href\"" })
        {
            Assert.DoesNotContain(forbidden, script, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(Eval(), script);
        Assert.DoesNotMatch(StringTimer(), script);
    }

    [Fact]
    public async Task Every_test_id_of_the_DOM_contract_is_in_the_page_or_the_script()
    {
        await using var portal = await TestPortal.StartAsync();
        (HttpResponseMessage page, string html) = await GetAsync(portal, "_emulator/");
        (HttpResponseMessage js, string script) = await GetAsync(portal, "_emulator/playground.js");
        page.Dispose();
        js.Dispose();

        string[] contract =
        [
            "chat-list", "chat-item", "new-dialog-name", "new-dialog-text", "new-dialog-submit", "transcript", "message", "message-author",
            "message-text", "keyboard", "keyboard-button", "attachment", "composer-input", "composer-send", "session-status", "session-owner",
            "session-owner-kind", "session-bot-member", "session-id", "notice",
        ];
        foreach (string id in contract)
        {
            Assert.True(
                html.Contains($"data-testid=\"{id}\"", StringComparison.Ordinal) || script.Contains($"'{id}'", StringComparison.Ordinal),
                $"data-testid {id} is in neither file");
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style\b|\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttributeOrElement();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"(?:src|href)=""([^""]+)""")]
    private static partial Regex Sources();

    [GeneratedRegex(@"\beval\b")]
    private static partial Regex Eval();

    [GeneratedRegex(@"set(?:Timeout|Interval)\(\s*['""`]")]
    private static partial Regex StringTimer();
}

using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Bitrix24.Inbound;

namespace Bitrix24.Generated.Tests.Events;

/// <summary>
/// The form decoder for event deliveries: what PHP's http_build_query writes comes out as JSON with string leaves,
/// anything malformed or over a limit is refused with one line naming the pair and key (never the value), and no
/// input makes it throw or take more than linear time.
/// </summary>
public sealed class PhpFormDecoderTests
{
    /// <summary>Stands in for a token: it must never appear in an error.</summary>
    private const string Secret = "S3CR3T";

    private const string ExampleBody =
        "event=ONIMBOTV2MESSAGEADD&data%5Bbot%5D%5Bid%5D=456&data%5Bmessage%5D%5Btext%5D=Hello+bot%21"
        + "&data%5Buser%5D%5Bdepartments%5D%5B0%5D=1&ts=1772093963&auth%5Bapplication_token%5D=abc";

    // ---- What decodes, and to what ----

    [Fact]
    public void The_documented_delivery_decodes_to_the_exact_JSON()
    {
        Assert.Equal(
            """{"event":"ONIMBOTV2MESSAGEADD","data":{"bot":{"id":"456"},"message":{"text":"Hello bot!"},"user":{"departments":["1"]}},"ts":"1772093963","auth":{"application_token":"abc"}}""",
            DecodeOk(ExampleBody));
    }

    [Fact]
    public void Raw_and_percent_encoded_brackets_in_either_case_are_the_same_key()
    {
        string expected = """{"data":{"bot":{"id":"456"}}}""";

        Assert.Equal(expected, DecodeOk("data[bot][id]=456"));
        Assert.Equal(expected, DecodeOk("data%5Bbot%5D%5Bid%5D=456"));
        Assert.Equal(expected, DecodeOk("data%5bbot%5d%5bid%5d=456"));
        Assert.Equal(expected, DecodeOk("data[bot%5D%5Bid]=456"));
    }

    [Fact]
    public void Brackets_spelled_two_ways_are_one_key_so_the_second_is_a_repeat()
    {
        string error = DecodeFails($"data[bot]=1&data%5Bbot%5D={Secret}");

        Assert.StartsWith("pair 2 ('data[bot]'): repeated key", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text=Hello+bot", "Hello bot")]
    [InlineData("text=Hello%20bot", "Hello bot")]
    [InlineData("text=a%2Bb", "a+b")]
    [InlineData("text=%2B+%20", "+  ")]
    [InlineData("text=a%26b%3Dc", "a&b=c")]
    [InlineData("text=a=b=c", "a=b=c")]
    [InlineData("text=", "")]
    [InlineData("text", "")]
    [InlineData("text=%22quoted%22+%5Cback%5C", "\"quoted\" \\back\\")]
    [InlineData("text=line%0Abreak%00nul%09tab", "line\nbreak\0nul\ttab")]
    [InlineData("text=<b>%3Cscript%3E</b>", "<b><script></b>")]
    public void Values_are_percent_decoded_with_plus_as_space_and_come_back_from_JSON_intact(string body, string expected)
    {
        Assert.Equal(expected, ParseValue(DecodeOk(body), "text"));
    }

    [Fact]
    public void Plus_and_percent_20_in_a_key_are_spaces_too()
    {
        Assert.Equal("""{"a b":{"c d":"1"}}""", DecodeOk("a+b[c%20d]=1"));
    }

    [Theory]
    [InlineData("text=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82", "Привет")]
    [InlineData("text=%F0%9F%98%80+ok", "😀 ok")]
    [InlineData("text=%E4%BD%A0%E5%A5%BD", "你好")]
    public void Percent_encoded_UTF8_values_decode(string body, string expected)
    {
        Assert.Equal(expected, ParseValue(DecodeOk(body), "text"));
    }

    [Fact]
    public void Raw_UTF8_bytes_in_keys_and_values_are_accepted()
    {
        string json = DecodeOk("данные[текст]=Привет 😀");

        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal("Привет 😀", document.RootElement.GetProperty("данные").GetProperty("текст").GetString());
    }

    [Fact]
    public void A_percent_encoded_Cyrillic_key_decodes()
    {
        string json = DecodeOk("data%5B%D0%B8%D0%BC%D1%8F%5D=x");

        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal("x", document.RootElement.GetProperty("data").GetProperty("имя").GetString());
    }

    [Theory]
    [InlineData("a[0]=x&a[1]=y", """{"a":["x","y"]}""")]
    [InlineData("a[0]=x", """{"a":["x"]}""")]
    [InlineData("a[0]=x&a[2]=y", """{"a":{"0":"x","2":"y"}}""")]
    [InlineData("a[1]=x&a[0]=y", """{"a":{"1":"x","0":"y"}}""")]
    [InlineData("a[00]=x", """{"a":{"00":"x"}}""")]
    [InlineData("a[0]=x&a[01]=y", """{"a":{"0":"x","01":"y"}}""")]
    [InlineData("a[1]=x", """{"a":{"1":"x"}}""")]
    [InlineData("a[-0]=x", """{"a":{"-0":"x"}}""")]
    [InlineData("a[+0]=x", """{"a":{" 0":"x"}}""")]
    [InlineData("a[0]=x&a[1]=y&a[k]=z", """{"a":{"0":"x","1":"y","k":"z"}}""")]
    [InlineData("a[0][id]=1&a[1][id]=2", """{"a":[{"id":"1"},{"id":"2"}]}""")]
    [InlineData("a[0][0]=p&a[0][1]=q&a[1][0]=r", """{"a":[["p","q"],["r"]]}""")]
    public void Children_exactly_0_to_n_minus_1_in_order_are_an_array_anything_else_an_object(string body, string expected)
    {
        Assert.Equal(expected, DecodeOk(body));
    }

    [Fact]
    public void Eleven_items_are_an_array_because_indexes_compare_as_decimal_text_not_characters()
    {
        string body = string.Join('&', Enumerable.Range(0, 11).Select(i => $"a[{i}]=v{i}"));

        Assert.Equal(
            """{"a":["v0","v1","v2","v3","v4","v5","v6","v7","v8","v9","v10"]}""",
            DecodeOk(body));
    }

    [Fact]
    public void Top_level_numeric_names_still_make_an_object_because_a_delivery_is_a_set_of_names()
    {
        Assert.Equal("""{"0":"a","1":"b"}""", DecodeOk("0=a&1=b"));
    }

    [Fact]
    public void Members_keep_the_order_in_which_they_first_appear()
    {
        Assert.Equal(
            """{"b":"1","a":{"y":"2","x":"4"},"c":"3"}""",
            DecodeOk("b=1&a[y]=2&c=3&a[x]=4"));
    }

    [Theory]
    [InlineData("a=1&&b=2")]
    [InlineData("&a=1&b=2&")]
    [InlineData("&&&a=1&&&&b=2&&&")]
    public void Empty_pairs_are_skipped(string body)
    {
        Assert.Equal("""{"a":"1","b":"2"}""", DecodeOk(body));
    }

    [Fact]
    public void The_JSON_is_appended_to_what_the_writer_already_holds_and_nothing_is_written_on_failure()
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("prefix:"u8);

        Assert.False(PhpFormDecoder.TryDecode("a=1&a=2"u8, new Bitrix24EventLimits(), output, out _));
        Assert.Equal("prefix:", Encoding.UTF8.GetString(output.WrittenSpan));

        Assert.True(PhpFormDecoder.TryDecode("a=1"u8, new Bitrix24EventLimits(), output, out string? error));
        Assert.Null(error);
        Assert.Equal("""prefix:{"a":"1"}""", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Null_arguments_are_a_programming_error()
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentNullException>(() => PhpFormDecoder.TryDecode("a=1"u8, null!, output, out _));
        Assert.Throws<ArgumentNullException>(() => PhpFormDecoder.TryDecode("a=1"u8, new Bitrix24EventLimits(), null!, out _));
    }

    // ---- What is refused, and how it is reported ----

    [Fact]
    public void An_error_names_the_pair_the_key_the_problem_and_where_exactly()
    {
        string error = DecodeFails("event=X&data[bot][id]=1&data%5Bmessage%5D%5Btext%5D=Hello%zz");

        Assert.Equal("pair 3 ('data[message][text]'): invalid percent escape at byte 5 of the value", error);
    }

    [Theory]
    [InlineData($"a=1&b={Secret}%", "pair 2 ('b')", "invalid percent escape at byte 6 of the value")]
    [InlineData($"b={Secret}%4", "pair 1 ('b')", "invalid percent escape at byte 6 of the value")]
    [InlineData($"b=%zz{Secret}", "pair 1 ('b')", "invalid percent escape at byte 0 of the value")]
    [InlineData($"b=%4g{Secret}", "pair 1 ('b')", "invalid percent escape at byte 0 of the value")]
    [InlineData($"b=%%41{Secret}", "pair 1 ('b')", "invalid percent escape at byte 0 of the value")]
    [InlineData($"k%zz={Secret}", "pair 1 ('k%zz')", "invalid percent escape at byte 1 of the key")]
    [InlineData($"k%={Secret}", "pair 1 ('k%')", "invalid percent escape at byte 1 of the key")]
    [InlineData($"data%5Bbot%5={Secret}", "pair 1 ('data%5Bbot%5')", "invalid percent escape at byte 10 of the key")]
    public void An_invalid_percent_escape_is_refused(string body, string where, string problem)
    {
        string error = DecodeFails(body);

        Assert.StartsWith(where + ": ", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"b=%FF{Secret}", "pair 1 ('b')", "the value is not valid UTF-8")]
    [InlineData($"b={Secret}%C3", "pair 1 ('b')", "the value is not valid UTF-8")]
    [InlineData($"b=%ED%A0%80{Secret}", "pair 1 ('b')", "the value is not valid UTF-8")]
    [InlineData($"b=%C0%AF{Secret}", "pair 1 ('b')", "the value is not valid UTF-8")]
    [InlineData($"a%FF={Secret}", @"pair 1 ('a\xFF')", "the key is not valid UTF-8")]
    [InlineData($"data[%D0]={Secret}", @"pair 1 ('data[\xD0]')", "the key is not valid UTF-8")]
    public void Decoded_bytes_that_are_not_UTF8_are_refused(string body, string where, string problem)
    {
        string error = DecodeFails(body);

        Assert.StartsWith(where + ": ", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_bytes_that_are_not_UTF8_are_refused_too()
    {
        byte[] body = [.. "a="u8, 0xFF, .. Encoding.UTF8.GetBytes(Secret)];

        string error = DecodeFails(body);

        Assert.Equal("pair 1 ('a'): the value is not valid UTF-8", error);
    }

    [Theory]
    [InlineData($"={Secret}", "pair 1 ('')", "the key is empty")]
    [InlineData($"a=1&={Secret}", "pair 2 ('')", "the key is empty")]
    [InlineData($"[a]={Secret}", "pair 1 ('[a]')", "no name before '['")]
    [InlineData($"%5Ba%5D={Secret}", "pair 1 ('[a]')", "no name before '['")]
    [InlineData($"a[]={Secret}", "pair 1 ('a[]')", "empty segment '[]' at byte 1")]
    [InlineData($"a[b][]={Secret}", "pair 1 ('a[b][]')", "empty segment '[]' at byte 4")]
    [InlineData($"a[b={Secret}", "pair 1 ('a[b')", "'[' at byte 1 of the key is not closed")]
    [InlineData($"a[b][c={Secret}", "pair 1 ('a[b][c')", "'[' at byte 4 of the key is not closed")]
    [InlineData($"a[={Secret}", "pair 1 ('a[')", "'[' at byte 1 of the key is not closed")]
    [InlineData($"a[b[c]]={Secret}", "pair 1 ('a[b[c]]')", "'[' at byte 3 of the key is inside a segment")]
    [InlineData($"a[b]c={Secret}", "pair 1 ('a[b]c')", "byte 4 of the key follows ']' but is not '['")]
    [InlineData($"a[b]]={Secret}", "pair 1 ('a[b]]')", "byte 4 of the key follows ']' but is not '['")]
    [InlineData($"a]b={Secret}", "pair 1 ('a]b')", "']' at byte 1 of the key has no '['")]
    [InlineData($"a%5Db={Secret}", "pair 1 ('a]b')", "']' at byte 1 of the key has no '['")]
    [InlineData($"]={Secret}", "pair 1 (']')", "']' at byte 0 of the key has no '['")]
    public void A_malformed_key_is_refused(string body, string where, string problem)
    {
        string error = DecodeFails(body);

        Assert.StartsWith(where + ": ", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"a=1&a={Secret}", "pair 2 ('a')", "repeated key (first at pair 1)")]
    [InlineData($"a[b]={Secret}&x=1&a[b]=2", "pair 3 ('a[b]')", "repeated key (first at pair 1)")]
    [InlineData("a[0]=x&a[0]=y", "pair 2 ('a[0]')", "repeated key")]
    [InlineData("a=&a", "pair 2 ('a')", "repeated key")]
    public void The_same_key_twice_is_refused(string body, string where, string problem)
    {
        string error = DecodeFails(body);

        Assert.StartsWith(where + ": ", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"a={Secret}&a[b]=2", "pair 2 ('a[b]')", "conflicting key: 'a' already has a value (pair 1)")]
    [InlineData($"a[b]={Secret}&a=2", "pair 2 ('a')", "conflicting key: pair 1 already has keys under it")]
    [InlineData($"a[b]={Secret}&a[b][c]=2", "pair 2 ('a[b][c]')", "conflicting key: 'a[b]' already has a value (pair 1)")]
    [InlineData($"a[b][c]={Secret}&a[b]=2", "pair 2 ('a[b]')", "conflicting key: pair 1 already has keys under it")]
    [InlineData($"x=1&a[0]={Secret}&a=2", "pair 3 ('a')", "conflicting key: pair 2 already has keys under it")]
    public void A_key_that_is_both_a_value_and_a_parent_is_refused_in_either_order(string body, string where, string problem)
    {
        string error = DecodeFails(body);

        Assert.StartsWith(where + ": ", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the body is empty")]
    [InlineData("&", "the body has no pairs")]
    [InlineData("&&&&", "the body has no pairs")]
    public void A_body_without_pairs_is_refused(string body, string problem)
    {
        Assert.Contains(problem, DecodeFails(body), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_key_is_shortened_to_80_characters_in_the_error()
    {
        string key = "data[" + new string('k', 300) + "]";

        string error = DecodeFails($"{key}=%zz{Secret}");

        string shown = ShownKey(error);
        Assert.Equal(80, shown.Length);
        Assert.Equal("data[" + new string('k', 72) + "...", shown);
    }

    [Fact]
    public void A_key_of_exactly_80_characters_is_shown_whole()
    {
        string key = new string('k', 80);

        Assert.Equal(key, ShownKey(DecodeFails($"{key}=%zz")));
    }

    [Fact]
    public void Control_and_non_ASCII_characters_of_a_key_are_escaped_so_the_error_stays_one_printable_line()
    {
        string error = DecodeFails($"a%0D%0Ab%00%1B%D0%B8'q\\[x]=%zz{Secret}");

        Assert.Equal(@"a\x0D\x0Ab\x00\x1B\xD0\xB8\'q\\[x]", ShownKey(error));
        Assert.All(error, c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public void Escapes_are_never_cut_in_half_when_a_key_is_shortened()
    {
        string key = string.Concat(Enumerable.Repeat("%D0%B8", 100));

        string shown = ShownKey(DecodeFails($"{key}=%zz"));

        Assert.Matches(@"^(\\x(D0|B8))+\.\.\.$", shown);
        Assert.InRange(shown.Length, 77, 80);
    }

    // ---- Limits ----

    [Fact]
    public void MaxBodyBytes_is_checked_even_though_the_caller_usually_checks_it_first()
    {
        var limits = new Bitrix24EventLimits { MaxBodyBytes = 10 };

        Assert.Equal("""{"abcdefgh":""}""", DecodeOk("abcdefgh=1"[..^1], limits));
        Assert.Equal("""{"abcdefgh":"1"}""", DecodeOk("abcdefgh=1", limits));
        string error = DecodeFails($"abcdefgh={Secret}", limits);

        Assert.Equal("the body is 15 bytes, over MaxBodyBytes (10)", error);
    }

    [Fact]
    public void MaxKeys_counts_pairs_and_skips_empty_ones()
    {
        var limits = new Bitrix24EventLimits { MaxKeys = 3 };

        Assert.Equal("""{"a":"1","b":"2","c":"3"}""", DecodeOk("a=1&&b=2&&&c=3&", limits));
        string error = DecodeFails($"a=1&b=2&c=3&d={Secret}", limits);

        Assert.Equal("pair 4 ('d'): more than MaxKeys (3) pairs", error);
    }

    [Fact]
    public void MaxKeyBytes_counts_the_decoded_key()
    {
        var limits = new Bitrix24EventLimits { MaxKeyBytes = 6 };

        Assert.Equal("""{"a":{"b":"1"}}""", DecodeOk("a%5Bb%5D=1", limits));
        Assert.Equal("""{"abc":{"d":"1"}}""", DecodeOk("abc[d]=1", limits));
        string error = DecodeFails($"abcd[e]={Secret}", limits);

        Assert.Equal("pair 1 ('abcd[e]'): the key is 7 bytes after decoding, over MaxKeyBytes (6)", error);
    }

    [Fact]
    public void MaxValueBytes_counts_the_decoded_value_and_the_error_gives_its_size_not_its_content()
    {
        var limits = new Bitrix24EventLimits { MaxValueBytes = 6 };

        Assert.Equal("""{"a":"S3CR3T"}""", DecodeOk("a=%53%33%43%52%33%54", limits));
        string error = DecodeFails($"a={Secret}7", limits);

        Assert.Equal("pair 1 ('a'): the value is 7 bytes after decoding, over MaxValueBytes (6)", error);
    }

    [Fact]
    public void MaxDepth_counts_the_name_and_every_segment()
    {
        var limits = new Bitrix24EventLimits { MaxDepth = 3 };

        Assert.Equal("""{"a":{"b":{"c":"1"}}}""", DecodeOk("a[b][c]=1", limits));
        string error = DecodeFails($"a[b][c][d]={Secret}", limits);

        Assert.Equal("pair 1 ('a[b][c][d]'): the key nests 4 levels, over MaxDepth (3)", error);
    }

    [Fact]
    public void A_1000_deep_key_is_refused_by_the_default_limits()
    {
        string key = "a" + string.Concat(Enumerable.Repeat("[b]", 999));

        string error = DecodeFails($"{key}={Secret}");

        Assert.Contains("MaxKeyBytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_1000_deep_key_is_refused_by_MaxDepth_when_it_fits_MaxKeyBytes()
    {
        string key = "a" + string.Concat(Enumerable.Repeat("[b]", 999));
        var limits = new Bitrix24EventLimits { MaxKeyBytes = 1 << 20 };

        string error = DecodeFails($"{key}={Secret}", limits);

        Assert.EndsWith("the key nests 1000 levels, over MaxDepth (32)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_beyond_the_JSON_writers_default_is_written_when_the_limits_allow_it()
    {
        const int depth = 1500;
        string key = "a" + string.Concat(Enumerable.Repeat("[0]", depth - 1));
        var limits = new Bitrix24EventLimits { MaxKeyBytes = 1 << 20, MaxDepth = depth };

        string json = DecodeOk($"{key}=leaf", limits);

        using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = depth + 1 });
        JsonElement element = document.RootElement.GetProperty("a");
        for (int level = 1; level < depth; level++)
        {
            Assert.Equal(JsonValueKind.Array, element.ValueKind);
            element = element[0];
        }

        Assert.Equal("leaf", element.GetString());
    }

    [Fact]
    public void A_100000_pair_body_is_refused_by_MaxKeys_at_the_first_pair_over_it_quickly()
    {
        string body = string.Join('&', Enumerable.Range(0, 100_000).Select(i => $"k{i}={Secret}"));
        var limits = new Bitrix24EventLimits { MaxBodyBytes = int.MaxValue };

        var clock = Stopwatch.StartNew();
        string error = DecodeFails(body, limits);
        clock.Stop();

        Assert.Equal("pair 4097 ('k4096'): more than MaxKeys (4096) pairs", error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Many_siblings_and_long_shared_prefixes_decode_in_linear_time()
    {
        // Shapes that are quadratic for a decoder that scans siblings or re-walks prefixes: 200,000 children of one
        // node (an array, so the index check runs for each), and 20,000 keys sharing a 30-level prefix.
        var limits = new Bitrix24EventLimits { MaxBodyBytes = int.MaxValue, MaxKeys = int.MaxValue };
        string siblings = string.Join('&', Enumerable.Range(0, 200_000).Select(i => $"a[{i}]=v"));
        string prefix = "p" + string.Concat(Enumerable.Repeat("[q]", 30));
        string deep = string.Join('&', Enumerable.Range(0, 20_000).Select(i => $"{prefix}[k{i}]=v"));

        var clock = Stopwatch.StartNew();
        string siblingsJson = DecodeOk(siblings, limits);
        string deepJson = DecodeOk(deep, limits);
        clock.Stop();

        using (JsonDocument document = JsonDocument.Parse(siblingsJson))
        {
            Assert.Equal(200_000, document.RootElement.GetProperty("a").GetArrayLength());
        }

        using (JsonDocument document = JsonDocument.Parse(deepJson, new JsonDocumentOptions { MaxDepth = 64 }))
        {
            JsonElement element = document.RootElement.GetProperty("p");
            for (int level = 0; level < 30; level++)
            {
                element = element.GetProperty("q");
            }

            Assert.Equal(20_000, element.EnumerateObject().Count());
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    // ---- Any bytes at all ----

    [Fact]
    public void Random_and_mutated_bodies_never_throw_and_any_JSON_produced_parses()
    {
        var random = new Random(20260226);
        byte[] example = Encoding.UTF8.GetBytes(ExampleBody);
        byte[] alphabet = "[]%&=+0123456789abcdefABCDEFxyz_ "u8.ToArray().Concat(new byte[] { 0x00, 0x0A, 0x7F, 0x80, 0xC3, 0xD0, 0xE2, 0xF0, 0xFF }).ToArray();
        var limits = new Bitrix24EventLimits { MaxDepth = 4, MaxKeys = 64, MaxKeyBytes = 48, MaxValueBytes = 64, MaxBodyBytes = 4096 };
        int accepted = 0;

        for (int round = 0; round < 2_000; round++)
        {
            byte[] body = (round % 3) switch
            {
                0 => RandomBytes(random, alphabet, random.Next(0, 80)),
                1 => RandomBytes(random, null, random.Next(0, 80)),
                _ => Mutate(random, example, alphabet),
            };
            Bitrix24EventLimits roundLimits = round % 2 == 0 ? limits : new Bitrix24EventLimits();
            var output = new ArrayBufferWriter<byte>();

            bool ok = PhpFormDecoder.TryDecode(body, roundLimits, output, out string? error);

            string shown = Convert.ToHexString(body);
            if (ok)
            {
                accepted++;
                Assert.Null(error);
                using JsonDocument document = JsonDocument.Parse(output.WrittenMemory, new JsonDocumentOptions { MaxDepth = 64 });
                Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error), shown);
                Assert.All(error!, c => Assert.InRange(c, ' ', '~'));
                Assert.InRange(error!.Length, 1, 200);
                Assert.Equal(0, output.WrittenCount);
            }
        }

        // The mix must exercise both outcomes, or it tests less than it seems to.
        Assert.InRange(accepted, 100, 1_900);
    }

    private static byte[] RandomBytes(Random random, byte[]? alphabet, int length)
    {
        var bytes = new byte[length];
        if (alphabet is null)
        {
            random.NextBytes(bytes);
            return bytes;
        }

        for (int i = 0; i < length; i++)
        {
            bytes[i] = alphabet[random.Next(alphabet.Length)];
        }

        return bytes;
    }

    /// <summary>A few random replacements, insertions and deletions in a real delivery.</summary>
    private static byte[] Mutate(Random random, byte[] original, byte[] alphabet)
    {
        var bytes = new List<byte>(original);
        int edits = random.Next(1, 4);
        for (int edit = 0; edit < edits && bytes.Count > 0; edit++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0:
                    bytes[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 1:
                    bytes.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                default:
                    bytes.RemoveAt(at);
                    break;
            }
        }

        return [.. bytes];
    }

    // ---- Helpers ----

    private static string DecodeOk(string body, Bitrix24EventLimits? limits = null)
    {
        var output = new ArrayBufferWriter<byte>();

        bool ok = PhpFormDecoder.TryDecode(Encoding.UTF8.GetBytes(body), limits ?? new Bitrix24EventLimits(), output, out string? error);

        Assert.True(ok, error);
        Assert.Null(error);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string DecodeFails(string body, Bitrix24EventLimits? limits = null) => DecodeFails(Encoding.UTF8.GetBytes(body), limits);

    /// <summary>Decodes a body that must be refused; checks the error is one line without the secret, and nothing was written.</summary>
    private static string DecodeFails(byte[] body, Bitrix24EventLimits? limits = null)
    {
        var output = new ArrayBufferWriter<byte>();

        bool ok = PhpFormDecoder.TryDecode(body, limits ?? new Bitrix24EventLimits(), output, out string? error);

        Assert.False(ok, "decoded to " + Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.NotNull(error);
        Assert.Equal(0, output.WrittenCount);
        Assert.DoesNotContain("\n", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
        return error;
    }

    /// <summary>The key as an error shows it: between "pair N ('" and "'): ".</summary>
    private static string ShownKey(string error)
    {
        int start = error.IndexOf("('", StringComparison.Ordinal) + 2;
        int end = error.LastIndexOf("'): ", StringComparison.Ordinal);
        return error[start..end];
    }

    private static string? ParseValue(string json, string name)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(name).GetString();
    }
}

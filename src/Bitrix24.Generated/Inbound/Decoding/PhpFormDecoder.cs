using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Bitrix24.Inbound;

/// <summary>
/// Turns an event delivery body (<c>application/x-www-form-urlencoded</c>, written by PHP's
/// <c>http_build_query</c>) into UTF-8 JSON: <c>data[bot][id]=456</c> becomes <c>{"data":{"bot":{"id":"456"}}}</c>.
/// </summary>
/// <remarks>
/// <para>
/// Strict where PHP is lenient: a bad percent escape, bytes that are not UTF-8, a malformed key, a repeated key,
/// or a key that is both a value and a parent is refused rather than guessed at, because the body comes from the
/// network and a silent guess would hand the bot a different event from the one sent.
/// </para>
/// <para>
/// Bounded: every limit of <see cref="Bitrix24EventLimits"/> is checked as the body is read, lookups go through a
/// hash table with per-process random seeding, and no step rescans what an earlier one read, so time is linear in the
/// body whatever its shape. Decoded keys and values live in one pooled buffer; no string is made per pair.
/// </para>
/// </remarks>
internal static class PhpFormDecoder
{
    /// <summary>An error shows at most this many characters of a key, so a hostile key cannot flood the log.</summary>
    private const int MaxShownKeyChars = 80;

    private const string Ellipsis = "...";

    /// <summary>The largest depth <see cref="Utf8JsonWriter"/> allows unless told otherwise.</summary>
    private const int WriterDefaultMaxDepth = 1000;

    /// <summary>
    /// The longest string <see cref="Utf8JsonWriter"/> accepts (it throws beyond); reachable only with limits raised
    /// far past their defaults, but checked so that no body, under any limits, makes the decoder throw.
    /// </summary>
    private const int MaxJsonStringBytes = 1_000_000_000 / 6;

    /// <summary>
    /// Decodes <paramref name="body"/> into JSON written to <paramref name="json"/>: an object of the top-level names,
    /// with every leaf a string. Returns false with a one-line <paramref name="error"/> for any malformed or
    /// over-limit body, never an exception; on false nothing has been written to <paramref name="json"/>.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> body, Bitrix24EventLimits limits, IBufferWriter<byte> json, out string? error)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(json);

        error = CheckBodySize(body, limits);
        if (error is not null)
        {
            return false;
        }

        // Percent-decoding never lengthens anything, so every decoded key and value fits, one after another,
        // in a single buffer the size of the body: no growing, no per-pair arrays or strings.
        byte[] decoded = ArrayPool<byte>.Shared.Rent(body.Length);
        var tree = new FormTree(decoded, EstimatePairs(body, limits));
        try
        {
            error = ReadPairs(body, limits, tree);
            if (error is not null)
            {
                return false;
            }

            // Written only once the whole body is known to be good, so a failure leaves the output untouched.
            tree.WriteJson(json, limits.MaxDepth);
            return true;
        }
        finally
        {
            tree.Dispose();
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    private static string? CheckBodySize(ReadOnlySpan<byte> body, Bitrix24EventLimits limits)
    {
        if (body.IsEmpty)
        {
            return "the body is empty";
        }

        return body.Length > limits.MaxBodyBytes
            ? string.Create(CultureInfo.InvariantCulture, $"the body is {body.Length} bytes, over MaxBodyBytes ({limits.MaxBodyBytes})")
            : null;
    }

    /// <summary>
    /// Sizes the tree's tables up front from the number of <c>=</c> (a vectorized count; every pair http_build_query
    /// writes has one), so a normal body never rehashes. Capped by <see cref="Bitrix24EventLimits.MaxKeys"/> (and
    /// 65,536), so a body of bare <c>=</c> reserves no more than a body of that many real pairs would.
    /// </summary>
    private static int EstimatePairs(ReadOnlySpan<byte> body, Bitrix24EventLimits limits)
    {
        int pairs = body.Count((byte)'=');
        return Math.Clamp(Math.Min(pairs, limits.MaxKeys), 1, 1 << 16);
    }

    /// <summary>Splits the body on <c>&amp;</c> and adds each pair to the tree; the first problem ends the read.</summary>
    private static string? ReadPairs(ReadOnlySpan<byte> body, Bitrix24EventLimits limits, FormTree tree)
    {
        int pairIndex = 0;
        while (!body.IsEmpty)
        {
            int separator = body.IndexOf((byte)'&');
            ReadOnlySpan<byte> pair = separator < 0 ? body : body[..separator];
            body = separator < 0 ? default : body[(separator + 1)..];

            // http_build_query never writes empty pairs, but a trailing or doubled '&' is harmless.
            if (pair.IsEmpty)
            {
                continue;
            }

            pairIndex++;
            int equals = pair.IndexOf((byte)'=');
            ReadOnlySpan<byte> rawKey = equals < 0 ? pair : pair[..equals];
            ReadOnlySpan<byte> rawValue = equals < 0 ? default : pair[(equals + 1)..];

            // Checked before decoding, so a body of a million tiny pairs stops after MaxKeys of them;
            // the error shows the key as sent, since it has not been decoded.
            if (pairIndex > limits.MaxKeys)
            {
                return PairError(pairIndex, rawKey, string.Create(CultureInfo.InvariantCulture, $"more than MaxKeys ({limits.MaxKeys}) pairs"));
            }

            string? error = ReadPair(pairIndex, rawKey, rawValue, limits, tree);
            if (error is not null)
            {
                return error;
            }
        }

        return pairIndex == 0 ? "the body has no pairs, only '&' separators" : null;
    }

    /// <summary>Decodes and checks one pair's key, then its value, into the tree's free space, and adds it.</summary>
    private static string? ReadPair(int pairIndex, ReadOnlySpan<byte> rawKey, ReadOnlySpan<byte> rawValue, Bitrix24EventLimits limits, FormTree tree)
    {
        Span<byte> free = tree.FreeSpace;

        if (!TryPercentDecode(rawKey, free, out int keyLength, out int badKeyEscape))
        {
            // The key could not be decoded, so the error shows it as it came (escaped, like any key).
            return PairError(pairIndex, rawKey, string.Create(CultureInfo.InvariantCulture, $"invalid percent escape at byte {badKeyEscape} of the key"));
        }

        ReadOnlySpan<byte> key = free[..keyLength];
        string? keyProblem = CheckKey(key, limits);
        if (keyProblem is not null)
        {
            return PairError(pairIndex, key, keyProblem);
        }

        Span<byte> valueSpace = free[keyLength..];
        if (!TryPercentDecode(rawValue, valueSpace, out int valueLength, out int badValueEscape))
        {
            return PairError(pairIndex, key, string.Create(CultureInfo.InvariantCulture, $"invalid percent escape at byte {badValueEscape} of the value"));
        }

        // The value may be a secret (application_token, access_token): errors give its size, never its content.
        if (valueLength > limits.MaxValueBytes)
        {
            return PairError(pairIndex, key, string.Create(CultureInfo.InvariantCulture, $"the value is {valueLength} bytes after decoding, over MaxValueBytes ({limits.MaxValueBytes})"));
        }

        if (valueLength > MaxJsonStringBytes)
        {
            return PairError(pairIndex, key, string.Create(CultureInfo.InvariantCulture, $"the value is {valueLength} bytes after decoding, over the {MaxJsonStringBytes} a JSON string may have"));
        }

        if (!Utf8.IsValid(valueSpace[..valueLength]))
        {
            return PairError(pairIndex, key, "the value is not valid UTF-8");
        }

        return tree.Add(pairIndex, keyLength, valueLength);
    }

    /// <summary>The decoded key's size, encoding, syntax and depth, in that order; null when all are fine.</summary>
    private static string? CheckKey(ReadOnlySpan<byte> key, Bitrix24EventLimits limits)
    {
        if (key.Length > limits.MaxKeyBytes)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the key is {key.Length} bytes after decoding, over MaxKeyBytes ({limits.MaxKeyBytes})");
        }

        if (key.Length > MaxJsonStringBytes)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the key is {key.Length} bytes after decoding, over the {MaxJsonStringBytes} a JSON string may have");
        }

        if (!Utf8.IsValid(key))
        {
            return "the key is not valid UTF-8";
        }

        return CheckKeySyntax(key, limits.MaxDepth);
    }

    /// <summary>
    /// Accepts <c>name</c> or <c>name[segment][segment]...</c> with no empty part and no stray bracket; depth is the
    /// number of parts, the name included. One pass: each bracket search starts where the previous one ended.
    /// </summary>
    private static string? CheckKeySyntax(ReadOnlySpan<byte> key, int maxDepth)
    {
        if (key.IsEmpty)
        {
            return "the key is empty";
        }

        int nameEnd = key.IndexOfAny((byte)'[', (byte)']');
        if (nameEnd >= 0 && key[nameEnd] == ']')
        {
            return string.Create(CultureInfo.InvariantCulture, $"']' at byte {nameEnd} of the key has no '['");
        }

        if (nameEnd == 0)
        {
            return "the key has no name before '['";
        }

        int depth = 1;
        int position = nameEnd < 0 ? key.Length : nameEnd;
        while (position < key.Length)
        {
            if (key[position] != '[')
            {
                return string.Create(CultureInfo.InvariantCulture, $"byte {position} of the key follows ']' but is not '['");
            }

            int close = key[(position + 1)..].IndexOfAny((byte)'[', (byte)']');
            if (close < 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"'[' at byte {position} of the key is not closed");
            }

            close += position + 1;
            if (key[close] == '[')
            {
                return string.Create(CultureInfo.InvariantCulture, $"'[' at byte {close} of the key is inside a segment");
            }

            if (close == position + 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"empty segment '[]' at byte {position} of the key");
            }

            depth++;
            position = close + 1;
        }

        return depth > maxDepth ? string.Create(CultureInfo.InvariantCulture, $"the key nests {depth} levels, over MaxDepth ({maxDepth})") : null;
    }

    /// <summary>
    /// Yields the parts of a key <see cref="CheckKeySyntax"/> accepted: first the name, then each bracketed segment.
    /// <paramref name="position"/> starts at 0 and ends at the key's length after the last part.
    /// </summary>
    private static bool NextKeyPart(ReadOnlySpan<byte> key, ref int position, out int start, out int length)
    {
        if (position >= key.Length)
        {
            start = length = 0;
            return false;
        }

        if (position == 0)
        {
            // The name: up to the first '[' (or the whole key); the next part starts at that '['.
            int open = key.IndexOf((byte)'[');
            start = 0;
            length = open < 0 ? key.Length : open;
            position = length;
        }
        else
        {
            // A segment: key[position] is its '['; the next part starts after its ']'.
            start = position + 1;
            length = key[start..].IndexOf((byte)']');
            position = start + length + 1;
        }

        return true;
    }

    /// <summary>
    /// Strict <c>application/x-www-form-urlencoded</c> decoding: <c>+</c> is a space, <c>%</c> must be followed by
    /// two hex digits, anything else is copied. On failure <paramref name="badEscapeAt"/> is the 0-based offset of the
    /// bad <c>%</c> in <paramref name="source"/>. <paramref name="destination"/> is at least as long as the source.
    /// </summary>
    private static bool TryPercentDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int written, out int badEscapeAt)
    {
        written = 0;
        badEscapeAt = -1;
        int read = 0;
        while (true)
        {
            // Copies the plain run up to the next '%' or '+' in one go (vectorized search and copy).
            int special = source[read..].IndexOfAny((byte)'%', (byte)'+');
            int plain = special < 0 ? source.Length - read : special;
            source.Slice(read, plain).CopyTo(destination[written..]);
            written += plain;
            read += plain;
            if (special < 0)
            {
                return true;
            }

            if (source[read] == '+')
            {
                destination[written++] = (byte)' ';
                read++;
                continue;
            }

            int high = read + 1 < source.Length ? HexDigit(source[read + 1]) : -1;
            int low = read + 2 < source.Length ? HexDigit(source[read + 2]) : -1;
            if (high < 0 || low < 0)
            {
                badEscapeAt = read;
                return false;
            }

            destination[written++] = (byte)((high << 4) | low);
            read += 3;
        }
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>True when <paramref name="segment"/> is <paramref name="index"/> in canonical decimal ("0", "17"; not "01").</summary>
    private static bool IsIndex(ReadOnlySpan<byte> segment, int index)
    {
        Span<byte> digits = stackalloc byte[11];
        return Utf8Formatter.TryFormat(index, digits, out int length) && segment.SequenceEqual(digits[..length]);
    }

    private static string PairError(int pairIndex, ReadOnlySpan<byte> key, string problem)
        => string.Create(CultureInfo.InvariantCulture, $"pair {pairIndex} ('{ShowKey(key)}'): {problem}");

    /// <summary>
    /// A key made safe for a one-line log message: printable ASCII as is, <c>\</c> and <c>'</c> backslashed, every
    /// other byte (control, non-ASCII, invalid UTF-8 alike) as <c>\xNN</c>; over <see cref="MaxShownKeyChars"/>
    /// characters it is cut at a whole escape and ends in "...". Reads only as many bytes as it shows.
    /// </summary>
    private static string ShowKey(ReadOnlySpan<byte> key)
    {
        var shown = new StringBuilder(MaxShownKeyChars);
        int cutAt = 0;
        Span<char> token = stackalloc char[4];
        foreach (byte b in key)
        {
            int tokenLength = Escape(b, token);
            if (shown.Length + tokenLength > MaxShownKeyChars)
            {
                shown.Length = cutAt;
                return shown.Append(Ellipsis).ToString();
            }

            shown.Append(token[..tokenLength]);
            if (shown.Length <= MaxShownKeyChars - Ellipsis.Length)
            {
                cutAt = shown.Length;
            }
        }

        return shown.ToString();
    }

    private static int Escape(byte b, Span<char> token)
    {
        if (b is (byte)'\\' or (byte)'\'')
        {
            token[0] = '\\';
            token[1] = (char)b;
            return 2;
        }

        if (b is >= 0x20 and < 0x7F)
        {
            token[0] = (char)b;
            return 1;
        }

        token[0] = '\\';
        token[1] = 'x';
        token[2] = "0123456789ABCDEF"[b >> 4];
        token[3] = "0123456789ABCDEF"[b & 0xF];
        return 4;
    }

    /// <summary>
    /// The keys read so far as a tree of nodes in a pooled array: each node knows its parent, its children in order of
    /// first appearance (a linked list) and whether those children are so far exactly "0", "1", ... (then it is written
    /// as a JSON array). Children are found through one hash table keyed by (parent, segment bytes).
    /// </summary>
    private sealed class FormTree : IDisposable
    {
        private const int Root = 0;
        private const int None = -1;

        private readonly byte[] _bytes;
        private readonly Dictionary<ChildKey, int> _children;
        private Node[] _nodes;
        private int _nodeCount;

        /// <summary>How much of <see cref="_bytes"/> decoded keys and values already occupy.</summary>
        private int _used;

        public FormTree(byte[] bytes, int expectedPairs)
        {
            // Each pair adds a leaf, and parents are shared (data[message][...] has two for all its pairs), so a
            // quarter more than the pairs covers a usual delivery without the table or the array having to grow.
            int expectedNodes = expectedPairs + (expectedPairs / 4) + 8;
            _bytes = bytes;
            _children = new Dictionary<ChildKey, int>(expectedNodes, new ChildKeyComparer(bytes));
            _nodes = ArrayPool<Node>.Shared.Rent(expectedNodes);

            // The root is always an object: its children are the top-level names of the delivery.
            _nodes[Root] = new Node { Parent = None, ValueLength = None, FirstChild = None, LastChild = None, NextSibling = None };
            _nodeCount = 1;
        }

        /// <summary>The unused rest of the buffer, where the next pair's key and then its value are decoded.</summary>
        public Span<byte> FreeSpace => _bytes.AsSpan(_used);

        /// <summary>
        /// Adds the pair decoded at the start of <see cref="FreeSpace"/> (key, then value), creating the parents the key
        /// names; null when it fits, otherwise why it does not (repeated key, or a value where a parent is needed).
        /// </summary>
        public string? Add(int pairIndex, int keyLength, int valueLength)
        {
            int keyStart = _used;
            ReadOnlySpan<byte> key = _bytes.AsSpan(keyStart, keyLength);
            int parent = Root;
            int position = 0;
            while (NextKeyPart(key, ref position, out int start, out int length))
            {
                bool isLast = position >= key.Length;
                var childKey = new ChildKey(parent, keyStart + start, length);

                // One hash lookup finds the child or reserves its slot.
                ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_children, childKey, out bool exists);
                if (!exists)
                {
                    slot = isLast
                        ? AddNode(parent, childKey, pairIndex, keyStart + keyLength, valueLength)
                        : AddNode(parent, childKey, pairIndex, 0, None);
                    parent = slot;
                    continue;
                }

                ref Node existing = ref _nodes[slot];
                if (isLast)
                {
                    return existing.IsLeaf
                        ? PairError(pairIndex, key, string.Create(CultureInfo.InvariantCulture, $"repeated key (first at pair {existing.Pair})"))
                        : PairError(pairIndex, key, string.Create(CultureInfo.InvariantCulture, $"conflicting key: pair {existing.Pair} already has keys under it"));
                }

                if (existing.IsLeaf)
                {
                    return PairError(pairIndex, key, string.Create(CultureInfo.InvariantCulture, $"conflicting key: '{ShowKey(key[..position])}' already has a value (pair {existing.Pair})"));
                }

                parent = slot;
            }

            _used += keyLength + valueLength;
            return null;
        }

        /// <summary>Appends a node and links it as the last child of <paramref name="parent"/>.</summary>
        private int AddNode(int parent, ChildKey name, int pairIndex, int valueStart, int valueLength)
        {
            if (_nodeCount == _nodes.Length)
            {
                Grow();
            }

            int id = _nodeCount++;
            _nodes[id] = new Node
            {
                Parent = parent,
                Pair = pairIndex,
                NameStart = name.Start,
                NameLength = name.Length,
                ValueStart = valueStart,
                ValueLength = valueLength,
                FirstChild = None,
                LastChild = None,
                NextSibling = None,
                ChildrenAreIndexes = true,
            };

            ref Node p = ref _nodes[parent];

            // Checked as each child arrives, so the array-or-object decision costs nothing at write time.
            // The root never becomes an array: its children are the delivery's top-level names.
            p.ChildrenAreIndexes = parent != Root && p.ChildrenAreIndexes && IsIndex(_bytes.AsSpan(name.Start, name.Length), p.ChildCount);
            p.ChildCount++;
            if (p.LastChild == None)
            {
                p.FirstChild = id;
            }
            else
            {
                _nodes[p.LastChild].NextSibling = id;
            }

            p.LastChild = id;
            return id;
        }

        private void Grow()
        {
            Node[] larger = ArrayPool<Node>.Shared.Rent(_nodes.Length * 2);
            _nodes.AsSpan(0, _nodeCount).CopyTo(larger);
            ArrayPool<Node>.Shared.Return(_nodes);
            _nodes = larger;
        }

        /// <summary>
        /// Writes the tree depth-first without recursion: down to the first child, across to the next sibling, and up
        /// through the parents (closing each) when a node has none. No stack is needed, however deep the limits allow.
        /// </summary>
        public void WriteJson(IBufferWriter<byte> output, int maxDepth)
        {
            var options = new JsonWriterOptions
            {
                // The output is only read back by this library, so nothing needs HTML-safe escaping.
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

                // The root object plus one container per further key part: never deeper than MaxDepth.
                MaxDepth = Math.Max(maxDepth, WriterDefaultMaxDepth),
            };

            using var writer = new Utf8JsonWriter(output, options);
            writer.WriteStartObject();
            int current = _nodes[Root].FirstChild;
            while (true)
            {
                ref Node node = ref _nodes[current];
                if (!_nodes[node.Parent].IsArray)
                {
                    writer.WritePropertyName(_bytes.AsSpan(node.NameStart, node.NameLength));
                }

                if (!node.IsLeaf)
                {
                    if (node.IsArray)
                    {
                        writer.WriteStartArray();
                    }
                    else
                    {
                        writer.WriteStartObject();
                    }

                    current = node.FirstChild;
                    continue;
                }

                writer.WriteStringValue(_bytes.AsSpan(node.ValueStart, node.ValueLength));
                while (_nodes[current].NextSibling == None)
                {
                    current = _nodes[current].Parent;
                    if (_nodes[current].IsArray)
                    {
                        writer.WriteEndArray();
                    }
                    else
                    {
                        writer.WriteEndObject();
                    }

                    if (current == Root)
                    {
                        writer.Flush();
                        return;
                    }
                }

                current = _nodes[current].NextSibling;
            }
        }

        public void Dispose() => ArrayPool<Node>.Shared.Return(_nodes);
    }

    /// <summary>A node of <see cref="FormTree"/>; names and values are ranges of the decoded-bytes buffer.</summary>
    private struct Node
    {
        public int Parent;

        /// <summary>The 1-based pair that created the node, for "repeated"/"conflicting" messages.</summary>
        public int Pair;

        public int NameStart;
        public int NameLength;
        public int ValueStart;

        /// <summary>The value's length for a leaf; <see cref="FormTree"/>'s None (-1) for a node with children.</summary>
        public int ValueLength;

        public int FirstChild;
        public int LastChild;
        public int NextSibling;
        public int ChildCount;
        public bool ChildrenAreIndexes;

        public readonly bool IsLeaf => ValueLength >= 0;

        public readonly bool IsArray => !IsLeaf && ChildrenAreIndexes;
    }

    /// <summary>A child's identity: its parent node and its segment's bytes (a range of the decoded-bytes buffer).</summary>
    private readonly struct ChildKey(int parent, int start, int length)
    {
        public int Parent { get; } = parent;

        public int Start { get; } = start;

        public int Length { get; } = length;
    }

    /// <summary>
    /// Compares segments by their bytes. <see cref="HashCode"/> is seeded randomly per process, so a body cannot be
    /// built to make every sibling collide (the protection Dictionary&lt;string, T&gt; gets from randomized hashing).
    /// </summary>
    private sealed class ChildKeyComparer(byte[] bytes) : IEqualityComparer<ChildKey>
    {
        public bool Equals(ChildKey x, ChildKey y)
            => x.Parent == y.Parent && Segment(x).SequenceEqual(Segment(y));

        public int GetHashCode(ChildKey key)
        {
            var hash = new HashCode();
            hash.Add(key.Parent);
            hash.AddBytes(Segment(key));
            return hash.ToHashCode();
        }

        private ReadOnlySpan<byte> Segment(ChildKey key) => bytes.AsSpan(key.Start, key.Length);
    }
}

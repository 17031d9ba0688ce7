using System;
using System.Text;

namespace Bitrix24.Generator.Emitting;

/// <summary>
/// An indented text writer for generated C#. Always writes '\n' (never Environment.NewLine), so
/// output is the same on every OS.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;

    // A file's text grows in a builder that each thread keeps between files: a fresh builder would
    // grow chunk by chunk and leave the chunks to the GC, about as much garbage as the file itself.
    // Builders that grew past the largest file worth keeping are left to the GC.
    private const int MaxKeptCapacity = 1 << 20;

    [ThreadStatic]
    private static StringBuilder? s_spare;

    private readonly StringBuilder _text;
    private int _indent;

    public SourceWriter()
    {
        _text = s_spare ?? new StringBuilder(16 * 1024);
        s_spare = null;
    }

    public void Line() => _text.Append('\n');

    public void Line(string text)
    {
        if (text.Length > 0)
        {
            _text.Append(' ', _indent * IndentSize).Append(text);
        }

        _text.Append('\n');
    }

    // Fixed-arity overloads: a params array per line was a measurable share of the emitter's garbage.

    /// <summary>Writes the parts as one line, without joining them into a string first.</summary>
    public void Line(string part1, string part2) =>
        _text.Append(' ', _indent * IndentSize).Append(part1).Append(part2).Append('\n');

    /// <inheritdoc cref="Line(string, string)"/>
    public void Line(string part1, string part2, string part3) =>
        _text.Append(' ', _indent * IndentSize).Append(part1).Append(part2).Append(part3).Append('\n');

    /// <inheritdoc cref="Line(string, string)"/>
    public void Line(string part1, string part2, string part3, string part4) =>
        _text.Append(' ', _indent * IndentSize).Append(part1).Append(part2).Append(part3).Append(part4).Append('\n');

    /// <summary>Writes <c>/// &lt;element attributes&gt;content&lt;/element&gt;</c> as one line, in parts.</summary>
    public void DocElement(string element, string attributes, string content) =>
        _text.Append(' ', _indent * IndentSize)
            .Append("/// <").Append(element).Append(attributes).Append('>')
            .Append(content)
            .Append("</").Append(element).Append(">\n");

    /// <inheritdoc cref="Line(string, string)"/>
    public void Line(params string[] parts)
    {
        _text.Append(' ', _indent * IndentSize);
        foreach (string part in parts)
        {
            _text.Append(part);
        }

        _text.Append('\n');
    }

    /// <summary>Writes <paramref name="prefix"/> and a slice of <paramref name="text"/> as one line, without building the line as a string first.</summary>
    public void Line(string prefix, string text, int start, int length)
    {
        _text.Append(' ', _indent * IndentSize).Append(prefix).Append(text, start, length).Append('\n');
    }

    /// <summary>
    /// Writes text made by another writer (lines ending in '\n') at this writer's indentation, as if
    /// each line had been written here.
    /// </summary>
    public void Lines(string block)
    {
        int start = 0;
        while (start < block.Length)
        {
            int end = block.IndexOf('\n', start);
            if (end < 0)
            {
                end = block.Length;
            }

            if (end > start)
            {
                _text.Append(' ', _indent * IndentSize).Append(block, start, end - start);
            }

            _text.Append('\n');
            start = end + 1;
        }
    }

    /// <summary>Writes <c>{</c>, indents until the returned scope is disposed, then writes <c>}</c> plus <paramref name="closeSuffix"/>.</summary>
    public Block Open(string closeSuffix = "")
    {
        Line("{");
        _indent++;
        return new Block(this, closeSuffix);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    /// <summary>The whole text. The writer is done with after this: its builder goes back to the thread for the next file.</summary>
    public string Finish()
    {
        if (_indent != 0)
        {
            throw new InvalidOperationException("Unbalanced indentation in generated code: " + _indent);
        }

        string text = _text.ToString();
        if (_text.Capacity <= MaxKeptCapacity)
        {
            _text.Clear();
            s_spare = _text;
        }

        return text;
    }

    /// <summary>The text written so far (for a debugger; emitters call <see cref="Finish"/>).</summary>
    public override string ToString() => _text.ToString();

    public readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _closeSuffix;

        public Block(SourceWriter writer, string closeSuffix)
        {
            _writer = writer;
            _closeSuffix = closeSuffix;
        }

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}" + _closeSuffix);
        }
    }
}

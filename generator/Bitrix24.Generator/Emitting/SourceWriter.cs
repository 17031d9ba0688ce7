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
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Line() => _text.Append('\n');

    public void Line(string text)
    {
        if (text.Length > 0)
        {
            _text.Append(' ', _indent * IndentSize).Append(text);
        }

        _text.Append('\n');
    }

    /// <summary>Writes the parts as one line, without joining them into a string first.</summary>
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

    public override string ToString()
    {
        if (_indent != 0)
        {
            throw new InvalidOperationException("Unbalanced indentation in generated code: " + _indent);
        }

        return _text.ToString();
    }

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

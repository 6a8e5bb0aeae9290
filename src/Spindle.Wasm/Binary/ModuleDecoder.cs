namespace Spindle.Wasm.Binary;

/// <summary>
/// Decodes a binary module into a <see cref="ModuleDefinition"/>. Checks everything the spec classes as
/// "malformed" (including every instruction's encoding in function bodies); validation is a separate stage.
/// Any malformed input throws <see cref="WasmDecodeException"/> and nothing else.
/// </summary>
internal sealed partial class ModuleDecoder
{
    // Practical limit on locals per function (wasmtime/wasmparser use the same figure); the spec's own limit is 2^32-1.
    internal const int MaxLocals = 50_000;

    // Practical limits on function type arity (wasmparser's figures): they bound the validator's and compiler's work
    // per block or branch instruction, which is proportional to arity.
    internal const int MaxParameters = 1_000;
    internal const int MaxResults = 1_000;

    private const uint Magic = 0x6D736100;
    private const uint Version = 1;

    /// <summary>The version field of a component-model binary (version 0x0d, layer 1): named in the error, since users meet it.</summary>
    private const uint ComponentVersion = 0x0001_000D;

    private readonly byte[] _bytes;
    private FuncType[] _types = [];
    private Import[] _imports = [];
    private uint[] _functions = [];
    private TableType[] _tables = [];
    private MemoryType[] _memories = [];
    private GlobalDefinition[] _globals = [];
    private Export[] _exports = [];
    private uint? _start;
    private ElementSegment[] _elements = [];
    private uint? _dataCount;
    private FunctionBody[] _codes = [];
    private DataSegment[] _datas = [];
    private readonly List<CustomSection> _customs = [];
    private NameSection? _names;
    private readonly int[] _sectionOffsets = new int[13];
    private bool _sawFunctionSection;
    private bool _sawCodeSection;
    private bool _usesDataCount;
    private int _usesDataCountOffset;

    private ModuleDecoder(byte[] bytes) => _bytes = bytes;

    /// <summary>Decodes <paramref name="bytes"/>. The array is kept (not copied) by the result.</summary>
    public static ModuleDefinition Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new ModuleDecoder(bytes).DecodeModule();
    }

    /// <summary>Decodes a copy of <paramref name="bytes"/>.</summary>
    public static ModuleDefinition Decode(ReadOnlySpan<byte> bytes) => Decode(bytes.ToArray());

    private ModuleDefinition DecodeModule()
    {
        var reader = new WasmReader(_bytes, 0, _bytes.Length, "header") { TopLevel = true };
        ReadHeader(ref reader);

        var lastOrder = 0;
        while (!reader.IsAtEnd)
        {
            reader.Section = "module";
            var idOffset = reader.Position;
            var id = reader.ReadByte();
            if (id > 12)
            {
                reader.Throw("malformed section id", idOffset);
            }

            var name = SectionName(id);
            reader.Section = name;
            var sizeOffset = reader.Position;
            var size = reader.ReadU32();
            if (size > (uint)reader.Remaining)
            {
                reader.Throw("length out of bounds", sizeOffset);
            }

            var start = reader.Position;
            var end = start + (int)size;
            if (id != 0)
            {
                var order = SectionOrder(id);
                if (order <= lastOrder)
                {
                    reader.Throw("unexpected content after last section", idOffset);
                }

                lastOrder = order;
                _sectionOffsets[id] = start;
            }

            var section = new WasmReader(_bytes, start, end, name);
            ReadSection(ref section, id);
            if (section.Position != end)
            {
                section.Throw("section size mismatch", section.Position);
            }

            reader.Seek(end);
        }

        return Finish(ref reader);
    }

    private static void ReadHeader(ref WasmReader reader)
    {
        if (reader.Remaining < 4)
        {
            reader.Seek(reader.End);
            reader.ThrowEnd();
        }

        if (reader.ReadFixed32() != Magic)
        {
            reader.Throw("magic header not detected", 0);
        }

        if (reader.Remaining < 4)
        {
            reader.Seek(reader.End);
            reader.ThrowEnd();
        }

        var version = reader.ReadFixed32();
        if (version == ComponentVersion)
        {
            reader.Throw("unknown binary version: this is a WebAssembly component (component model), and Spindle runs core modules only; build a WASI preview 1 module (target wasm32-wasip1, or wasm32-wasi with clang)", 4);
        }

        if (version != Version)
        {
            reader.Throw("unknown binary version", 4);
        }
    }

    private void ReadSection(ref WasmReader reader, byte id)
    {
        switch (id)
        {
            case 0: ReadCustomSection(ref reader); break;
            case 1: ReadTypeSection(ref reader); break;
            case 2: ReadImportSection(ref reader); break;
            case 3: ReadFunctionSection(ref reader); break;
            case 4: ReadTableSection(ref reader); break;
            case 5: ReadMemorySection(ref reader); break;
            case 6: ReadGlobalSection(ref reader); break;
            case 7: ReadExportSection(ref reader); break;
            case 8: _start = reader.ReadU32(); break;
            case 9: ReadElementSection(ref reader); break;
            case 10: ReadCodeSection(ref reader); break;
            case 11: ReadDataSection(ref reader); break;
            case 12: _dataCount = reader.ReadU32(); break;
        }
    }

    private ModuleDefinition Finish(ref WasmReader reader)
    {
        reader.Section = "module";
        if (_functions.Length != _codes.Length)
        {
            var at = _sawCodeSection ? _sectionOffsets[10] : _sawFunctionSection ? _sectionOffsets[3] : reader.Position;
            reader.Throw("function and code section have inconsistent lengths", at);
        }

        if (_dataCount is { } count && count != (uint)_datas.Length)
        {
            reader.Throw("data count and data section have inconsistent lengths", _sectionOffsets[_datas.Length > 0 ? 11 : 12]);
        }

        // Without any data segment, memory.init/data.drop refer to an unknown segment: the validator reports that
        // ("unknown data segment"), which is what the spec suite expects from wabt's output for such modules.
        if (_usesDataCount && _dataCount is null && _datas.Length > 0)
        {
            reader.Section = "code";
            reader.Throw("data count section required", _usesDataCountOffset);
        }

        return BuildDefinition();
    }

    private static string SectionName(byte id) => id switch
    {
        0 => "custom",
        1 => "type",
        2 => "import",
        3 => "function",
        4 => "table",
        5 => "memory",
        6 => "global",
        7 => "export",
        8 => "start",
        9 => "element",
        10 => "code",
        11 => "data",
        _ => "data count",
    };

    // The data count section (12) sits between element (9) and code (10).
    private static int SectionOrder(byte id) => id switch
    {
        12 => 10,
        10 => 11,
        11 => 12,
        _ => id,
    };
}

namespace Spindle.Wasm.Binary;

// Type, import, function, table, memory, global and export sections.
internal sealed partial class ModuleDecoder
{
    private void ReadTypeSection(ref WasmReader reader)
    {
        var count = reader.ReadCount();
        var types = new FuncType[count];
        for (var i = 0; i < count; i++)
        {
            var at = reader.Position;
            var form = reader.ReadByte();
            if (form != 0x60)
            {
                // The form is a one-byte signed LEB128 in the spec grammar: longer encodings are "too long".
                reader.Throw((form & 0x80) != 0 ? "integer representation too long" : "malformed function type", at);
            }

            var parameters = ReadValTypes(ref reader, MaxParameters, "too many parameters");
            var results = ReadValTypes(ref reader, MaxResults, "too many results");
            types[i] = new FuncType(parameters, results, owned: true);
        }

        _types = types;
    }

    private static ValType[] ReadValTypes(ref WasmReader reader, int limit, string tooMany)
    {
        var at = reader.Position;
        var count = reader.ReadCount();
        if (count > limit)
        {
            reader.Throw($"{tooMany} (the limit is {limit})", at);
        }

        if (count == 0)
        {
            return [];
        }

        var types = new ValType[count];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = reader.ReadValType();
        }

        return types;
    }

    private void ReadImportSection(ref WasmReader reader)
    {
        var count = reader.ReadCount();
        var imports = new Import[count];
        for (var i = 0; i < count; i++)
        {
            var module = reader.ReadName();
            var name = reader.ReadName();
            var at = reader.Position;
            var kind = reader.ReadByte();
            imports[i] = kind switch
            {
                0 => new Import(module, name, ExternKind.Func, reader.ReadU32(), null, null, null),
                1 => new Import(module, name, ExternKind.Table, 0, ReadTableType(ref reader), null, null),
                2 => new Import(module, name, ExternKind.Memory, 0, null, new MemoryType(reader.ReadLimits()), null),
                3 => new Import(module, name, ExternKind.Global, 0, null, null, ReadGlobalType(ref reader)),
                _ => ThrowImportKind(ref reader, at),
            };
        }

        _imports = imports;
    }

    private static Import ThrowImportKind(ref WasmReader reader, int at)
    {
        reader.Throw("malformed import kind", at);
        return null!;
    }

    private void ReadFunctionSection(ref WasmReader reader)
    {
        _sawFunctionSection = true;
        var count = reader.ReadCount();
        var functions = new uint[count];
        for (var i = 0; i < count; i++)
        {
            functions[i] = reader.ReadU32();
        }

        _functions = functions;
    }

    private void ReadTableSection(ref WasmReader reader)
    {
        var count = reader.ReadCount();
        var tables = new TableType[count];
        for (var i = 0; i < count; i++)
        {
            tables[i] = ReadTableType(ref reader);
        }

        _tables = tables;
    }

    private static TableType ReadTableType(ref WasmReader reader)
    {
        var elementType = reader.ReadRefType();
        return new TableType(elementType, reader.ReadLimits());
    }

    private void ReadMemorySection(ref WasmReader reader)
    {
        var count = reader.ReadCount();
        var memories = new MemoryType[count];
        for (var i = 0; i < count; i++)
        {
            memories[i] = new MemoryType(reader.ReadLimits());
        }

        _memories = memories;
    }

    private static GlobalType ReadGlobalType(ref WasmReader reader)
    {
        var type = reader.ReadValType();
        var at = reader.Position;
        var mutability = reader.ReadByte();
        if (mutability > 1)
        {
            reader.Throw("malformed mutability", at);
        }

        return new GlobalType(type, mutability == 1);
    }

    private void ReadGlobalSection(ref WasmReader reader)
    {
        var count = reader.ReadCount();
        var globals = new GlobalDefinition[count];
        for (var i = 0; i < count; i++)
        {
            var type = ReadGlobalType(ref reader);
            globals[i] = new GlobalDefinition(type, ReadConstantExpression(ref reader));
        }

        _globals = globals;
    }

    private void ReadExportSection(ref WasmReader reader)
    {
        var count = reader.ReadCount();
        var exports = new Export[count];
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadName();
            var at = reader.Position;
            var kind = reader.ReadByte();
            if (kind > 3)
            {
                reader.Throw("malformed export kind", at);
            }

            exports[i] = new Export(name, (ExternKind)kind, reader.ReadU32());
        }

        _exports = exports;
    }

    private ModuleDefinition BuildDefinition()
    {
        int funcs = 0, tables = 0, memories = 0, globals = 0;
        foreach (var import in _imports)
        {
            switch (import.Kind)
            {
                case ExternKind.Func: funcs++; break;
                case ExternKind.Table: tables++; break;
                case ExternKind.Memory: memories++; break;
                default: globals++; break;
            }
        }

        var allFunctions = new uint[funcs + _functions.Length];
        var allTables = new TableType[tables + _tables.Length];
        var allMemories = new MemoryType[memories + _memories.Length];
        var allGlobals = new GlobalType[globals + _globals.Length];
        int f = 0, t = 0, m = 0, g = 0;
        foreach (var import in _imports)
        {
            switch (import.Kind)
            {
                case ExternKind.Func: allFunctions[f++] = import.TypeIndex; break;
                case ExternKind.Table: allTables[t++] = import.TableType!; break;
                case ExternKind.Memory: allMemories[m++] = import.MemoryType!; break;
                default: allGlobals[g++] = import.GlobalType!; break;
            }
        }

        _functions.CopyTo(allFunctions, f);
        _tables.CopyTo(allTables, t);
        _memories.CopyTo(allMemories, m);
        for (var i = 0; i < _globals.Length; i++)
        {
            allGlobals[g + i] = _globals[i].Type;
        }

        return new ModuleDefinition
        {
            Bytes = _bytes,
            Types = _types,
            Imports = _imports,
            FunctionTypeIndices = _functions,
            Tables = _tables,
            Memories = _memories,
            Globals = _globals,
            Exports = _exports,
            StartFunction = _start,
            Elements = _elements,
            DataCount = _dataCount,
            Codes = _codes,
            Datas = _datas,
            CustomSections = [.. _customs],
            Names = _names,
            SectionOffsets = _sectionOffsets,
            ImportedFunctionCount = funcs,
            ImportedTableCount = tables,
            ImportedMemoryCount = memories,
            ImportedGlobalCount = globals,
            AllFunctionTypeIndices = allFunctions,
            AllTables = allTables,
            AllMemories = allMemories,
            AllGlobals = allGlobals,
        };
    }
}

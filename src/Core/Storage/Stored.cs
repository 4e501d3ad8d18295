using Azure;

namespace CustomerFunctions.Core.Storage;

/// <summary>A row read from storage: its value and the ETag a later write must match.</summary>
public sealed record Stored<T>(T Value, ETag ETag);

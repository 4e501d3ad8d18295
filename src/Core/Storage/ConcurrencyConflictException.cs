namespace CustomerFunctions.Core.Storage;

/// <summary>A command lost an optimistic-concurrency race; the dispatcher runs it again on fresh state.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);

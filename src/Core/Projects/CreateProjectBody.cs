namespace CustomerFunctions.Core.Projects;

public sealed record CreateProjectBody(string? Id, string? Name);

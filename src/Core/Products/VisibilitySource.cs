namespace CustomerFunctions.Core.Products;

/// <summary>Whether a customer's visibility of a product is its own setting or its partner's global one.</summary>
public enum VisibilitySource { Inherited, Custom }

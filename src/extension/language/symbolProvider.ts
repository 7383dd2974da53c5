import * as vscode from 'vscode';
import { type CustomerSymbol, type CustomerSymbolKind, customerSymbols } from '../../core/language/symbols';
import { toRange } from '../convert';

const kinds: Record<CustomerSymbolKind, vscode.SymbolKind> = {
  customer: vscode.SymbolKind.Object,
  addresses: vscode.SymbolKind.Array,
  address: vscode.SymbolKind.Struct,
  attributes: vscode.SymbolKind.Array,
  attribute: vscode.SymbolKind.Property,
};

/** The Outline, breadcrumbs and Go to Symbol in Editor: customers by email and name. */
export class CustomersSymbols implements vscode.DocumentSymbolProvider {
  static readonly metadata: vscode.DocumentSymbolProviderMetadata = { label: 'BigCommerce customers' };

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const convert = (symbol: CustomerSymbol): vscode.DocumentSymbol => {
      const result = new vscode.DocumentSymbol(
        symbol.name,
        symbol.detail,
        kinds[symbol.kind],
        toRange(document, symbol.range),
        toRange(document, symbol.selectionRange),
      );
      result.children = symbol.children.map(convert);
      return result;
    };
    return customerSymbols(document.getText()).map(convert);
  }
}

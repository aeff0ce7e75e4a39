// Package docnumber holds the rules of the office's register of outgoing documents (sổ văn bản
// đi, Decree 30/2020/NĐ-CP, Article 15): a document's number is its sequence in the year, from 01
// on 1 January to 31 December, written before the symbol of its kind and issuer ("125/BC-BQL").
// It is pure: the ledger keeps the register, package approve decides when a report takes its
// number, and the registry clerk's reply giving a number is read here (ParseReply).
package docnumber

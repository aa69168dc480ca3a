import {
  RecordsPage,
  type ListSearchParams,
} from "@/components/records/records-page";

export const metadata = { title: "Enrolments" };

export default function Page(props: { searchParams: ListSearchParams }) {
  return <RecordsPage slug="enrolments" searchParams={props.searchParams} />;
}

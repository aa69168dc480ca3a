import {
  RecordsPage,
  type ListSearchParams,
} from "@/components/records/records-page";

export const metadata = { title: "Enquiries" };

export default function Page(props: { searchParams: ListSearchParams }) {
  return <RecordsPage slug="enquiries" searchParams={props.searchParams} />;
}
